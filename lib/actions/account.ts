'use server';
/** The connected account's standing with a token, and the helpers that fix it (trustline, test funds). */
import { Asset, BASE_FEE, Operation, TransactionBuilder } from '@stellar/stellar-sdk';
import { formatAmount } from '../amounts';
import { readFunding } from '../escrow/read';
import { getNetwork } from '../networks/server';
import { accountAddress, contractId } from '../schemas/fields';
import { fail, ok, type Result } from '../stellar/result';
import { hasTrustline, readBalance, readToken, readXlmBalance, rpcServer } from '../stellar/rpc';
import { ticketFor } from '../stellar/ticket';
import type { StepPrepared } from './step';

export interface AccountStatus {
  address: string;
  exists: boolean;
  xlm: string | null;
  token: { contractId: string; symbol: string; decimals: number; classic: boolean; trustline: boolean; balance: string | null } | null;
  friendbot: boolean;
  faucet: boolean;
}

export async function accountStatus(req: { address: string; token?: string }): Promise<Result<AccountStatus>> {
  const a = accountAddress.safeParse(req?.address);
  if (!a.success) return fail('bad-address', a.error.issues[0]!.message);
  const network = await getNetwork();
  try {
    const xlm = await readXlmBalance(network, a.data);
    let token: AccountStatus['token'] = null;
    if (req.token && contractId.safeParse(req.token).success) {
      const info = await readToken(network, req.token);
      const trustline = xlm === null ? false : await hasTrustline(network, info, a.data);
      const balance = trustline ? await readBalance(network, info.contractId, a.data).catch(() => null) : null;
      token = {
        contractId: info.contractId,
        symbol: info.symbol,
        decimals: info.decimals,
        classic: info.asset !== null,
        trustline,
        balance: balance === null ? null : formatAmount(balance, info.decimals),
      };
    }
    return ok({
      address: a.data,
      exists: xlm !== null,
      xlm: xlm === null ? null : formatAmount(xlm, 7),
      token,
      friendbot: network.friendbotUrl !== null,
      faucet: network.name === 'local' && token?.classic === true,
    });
  } catch (e) {
    return fail('rpc', (e as Error).message);
  }
}

/** Asks the network's friendbot for XLM (local and testnet only). */
export async function fundWithFriendbot(req: { address: string }): Promise<Result<null>> {
  const a = accountAddress.safeParse(req?.address);
  if (!a.success) return fail('bad-address', a.error.issues[0]!.message);
  const network = await getNetwork();
  if (!network.friendbotUrl) return fail('no-friendbot', `${network.label} has no friendbot`);
  const res = await fetch(`${network.friendbotUrl}?addr=${a.data}`, { cache: 'no-store' }).catch((e: Error) => e);
  if (res instanceof Error) return fail('friendbot-unreachable', `Friendbot did not answer: ${res.message}`);
  if (!res.ok) {
    const text = await res.text();
    if (/already|exist/i.test(text)) return fail('already-funded', 'This account is already funded');
    return fail('friendbot-failed', `Friendbot refused: ${text.slice(0, 200)}`);
  }
  return ok(null);
}

/** Sends test tokens from localnet's faucet (local only; needs the trustline first). */
export async function faucetToken(req: { address: string; token: string; amount?: string }): Promise<Result<null>> {
  const a = accountAddress.safeParse(req?.address);
  if (!a.success) return fail('bad-address', a.error.issues[0]!.message);
  const network = await getNetwork();
  if (network.name !== 'local' || !network.localnetUrl) return fail('no-faucet', 'Test tokens come from the faucet on the local network only');
  const known = network.tokens.find((t) => t.contractId === req.token && t.issuer);
  if (!known) return fail('no-faucet', 'The faucet gives only localnet’s own test assets');
  const url = `${network.localnetUrl}/faucet?addr=${a.data}&asset=${known.code}&amount=${encodeURIComponent(req.amount ?? '1000')}`;
  const res = await fetch(url, { method: 'POST', cache: 'no-store' }).catch((e: Error) => e);
  if (res instanceof Error) return fail('faucet-unreachable', `The faucet did not answer: ${res.message}`);
  if (!res.ok) return fail('faucet-failed', `The faucet refused: ${(await res.text()).slice(0, 200)}`);
  return ok(null);
}

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

/** What each address has funded, for the fee-free refund preview of a distribution. */
export async function fundingOf(req: { escrowId: string; addresses: string[] }): Promise<Result<Record<string, string>>> {
  const id = contractId.safeParse(req?.escrowId);
  if (!id.success) return fail('bad-escrow-id', id.error.issues[0]!.message);
  const network = await getNetwork();
  const out: Record<string, string> = {};
  if (!Array.isArray(req.addresses) || req.addresses.length > 20) return fail('bad-request', 'Ask for 1 to 20 addresses');
  await Promise.all(
    req.addresses.filter((x) => accountAddress.safeParse(x).success).map(async (x) => {
      out[x] = (await readFunding(network, id.data, x).catch(() => 0n)).toString();
    }),
  );
  return ok(out);
}
