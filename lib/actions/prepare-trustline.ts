'use server';
import { limitAction } from '../rate-limit';
import { unexpected } from '../log';
import { Asset, BASE_FEE, Operation, TransactionBuilder } from '@stellar/stellar-sdk';
import { formatAmount } from '../amounts';
import { getNetwork } from '../networks/server';
import { accountAddress, contractId } from '../schemas/fields';
import { ChainError, fail, ok, type Result } from '../stellar/result';
import { readToken, rpcServer } from '../stellar/rpc';
import { ticketFor } from '../stellar/ticket';
import type { StepPrepared } from '../steps';

/** Prepares a ChangeTrust for the token's classic asset, signed by the wallet like any step. */
export async function prepareTrustline(req: { source: string; token: string }): Promise<Result<StepPrepared>> {
  const limited = await limitAction(2);
  if (limited) return limited;
  const a = accountAddress.safeParse(req?.source);
  if (!a.success) return fail('no-wallet', a.error.issues[0]!.message);
  if (!contractId.safeParse(req.token).success) return fail('bad-token', 'A token is a contract id (C…)');
  const network = await getNetwork();
  try {
    const info = await readToken(network, req.token);
    if (!info.asset) return fail('not-classic', `${info.symbol} needs no trustline`);
    const account = await rpcServer(network).getAccount(a.data);
    const tx = new TransactionBuilder(account, { fee: BASE_FEE, networkPassphrase: network.passphrase })
      .addOperation(Operation.changeTrust({ asset: new Asset(info.asset.code, info.asset.issuer) }))
      .setTimeout(300)
      .build();
    const hash = Buffer.from(tx.hash()).toString('hex');
    return ok({
      xdr: tx.toXDR(),
      hash,
      ticket: ticketFor(hash),
      feeStroops: tx.fee,
      feeXlm: formatAmount(BigInt(tx.fee), 7),
      otherSigners: [],
      authValidUntilLedger: 0,
      summary: [`Add a trustline for ${info.asset.code} issued by ${info.asset.issuer} (reserves 0.5 XLM).`],
      escrowId: '',
      networkPassphrase: network.passphrase,
    });
  } catch (e) {
    if (e instanceof ChainError) return { ok: false, error: e.error };
    if (/not found/i.test((e as Error).message)) return fail('no-account', 'Your account does not exist yet: get XLM first');
    return unexpected('preparing a trustline', e);
  }
}
