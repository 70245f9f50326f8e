'use server';
import { Asset, BASE_FEE, Operation, TransactionBuilder } from '@stellar/stellar-sdk';
import { formatAmount } from '../amounts';
import { getNetwork } from '../networks/server';
import { accountAddress } from '../schemas/fields';
import { fail, ok, type Result } from '../stellar/result';
import { readToken, rpcServer } from '../stellar/rpc';
import { ticketFor } from '../stellar/ticket';
import type { StepPrepared } from './step';

/** Prepares a ChangeTrust for the token's classic asset, signed by the wallet like any step. */
export async function prepareTrustline(req: { source: string; token: string }): Promise<Result<StepPrepared>> {
  const a = accountAddress.safeParse(req?.source);
  if (!a.success) return fail('no-wallet', a.error.issues[0]!.message);
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
    if (/not found/i.test((e as Error).message)) return fail('no-account', 'Your account does not exist yet: get XLM first');
    return fail('rpc', (e as Error).message);
  }
}
