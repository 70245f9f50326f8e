/** Node-side helpers against the e2e localnet: accounts, trustlines, test USDC, balances, time. */
import {
  Account,
  Address,
  Asset,
  BASE_FEE,
  Contract,
  Keypair,
  nativeToScVal,
  Operation,
  rpc,
  scValToNative,
  TransactionBuilder,
  xdr,
} from '@stellar/stellar-sdk';
import { readFileSync } from 'node:fs';
import { parseAmount } from '../lib/amounts';
import { E2E } from './env';

export const server = new rpc.Server(`${E2E.localnetUrl}/rpc`, { allowHttp: true });

export interface LocalAsset {
  code: string;
  issuer: string | null;
  contractId: string;
}

export async function localnetInfo(): Promise<{ assets: LocalAsset[] }> {
  return (await (await fetch(`${E2E.localnetUrl}/localnet`)).json()) as { assets: LocalAsset[] };
}

export async function usdc(): Promise<LocalAsset & { issuer: string }> {
  const a = (await localnetInfo()).assets.find((x) => x.code === 'USDC');
  if (!a?.issuer) throw new Error('localnet has no USDC');
  return a as LocalAsset & { issuer: string };
}

export async function friendbot(address: string) {
  const res = await fetch(`${E2E.localnetUrl}/friendbot?addr=${address}`);
  if (!res.ok) throw new Error(`friendbot: ${await res.text()}`);
}

export async function trust(key: Keypair, asset: { code: string; issuer: string }) {
  const account = await server.getAccount(key.publicKey());
  const tx = new TransactionBuilder(account, { fee: BASE_FEE, networkPassphrase: E2E.passphrase })
    .addOperation(Operation.changeTrust({ asset: new Asset(asset.code, asset.issuer) }))
    .setTimeout(60)
    .build();
  tx.sign(key);
  const sent = await server.sendTransaction(tx);
  const done = await server.pollTransaction(sent.hash, { attempts: 40 });
  if (done.status !== 'SUCCESS') throw new Error(`trust ${done.status}`);
}

export async function faucet(address: string, amount: string) {
  const res = await fetch(`${E2E.localnetUrl}/faucet?addr=${address}&asset=USDC&amount=${amount}`, { method: 'POST' });
  if (!res.ok) throw new Error(`faucet: ${await res.text()}`);
}

/** A funded account with a USDC trustline and optionally some test USDC. */
export async function readyAccount(opts: { usdc?: string; trustline?: boolean } = {}): Promise<Keypair> {
  const key = Keypair.random();
  await friendbot(key.publicKey());
  if (opts.trustline !== false || opts.usdc) await trust(key, await usdc());
  if (opts.usdc) await faucet(key.publicKey(), opts.usdc);
  return key;
}

/** A token balance in base units (SAC `balance`). */
export async function tokenBalance(token: string, holder: string): Promise<bigint> {
  const tx = new TransactionBuilder(new Account(Keypair.random().publicKey(), '0'), {
    fee: BASE_FEE,
    networkPassphrase: E2E.passphrase,
  })
    .addOperation(new Contract(token).call('balance', new Address(holder).toScVal()))
    .setTimeout(30)
    .build();
  const sim = await server.simulateTransaction(tx);
  if (rpc.Api.isSimulationError(sim) || !sim.result)
    throw new Error(`balance: ${'error' in sim ? sim.error : 'no result'}`);
  return BigInt(scValToNative(sim.result.retval) as bigint);
}

export async function escrowState(id: string): Promise<Record<string, unknown>> {
  const tx = new TransactionBuilder(new Account(Keypair.random().publicKey(), '0'), {
    fee: BASE_FEE,
    networkPassphrase: E2E.passphrase,
  })
    .addOperation(new Contract(id).call('get_escrow'))
    .setTimeout(30)
    .build();
  const sim = await server.simulateTransaction(tx);
  if (rpc.Api.isSimulationError(sim) || !sim.result) throw new Error('get_escrow failed');
  return scValToNative(sim.result.retval) as Record<string, unknown>;
}

/** Moves localnet's clock forward (non-standard RPC). */
export async function advanceTime(seconds: number) {
  const res = await fetch(`${E2E.localnetUrl}/rpc`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'localnet_advanceTime', params: { seconds } }),
  });
  const body = (await res.json()) as { result?: { closeTime: string }; error?: unknown };
  if (!body.result) throw new Error(`advanceTime: ${JSON.stringify(body.error)}`);
  return body.result;
}

/** The chain's time (latest ledger close), unix seconds. */
export async function chainTime(): Promise<number> {
  return Number((await server.getLatestLedger()).closeTime);
}

/** Decimal USDC → base units (7 decimals). */
export const usdcUnits = (text: string) => parseAmount(text, 7);

/** The protocol fee recipient the deploy script set up for this chain. */
export function protocolFeeRecipient(): string {
  const file =
    process.env.OPENESCROW_DEPLOYMENT_FILE ?? `${process.env.E2E_DATA_DIR ?? '.cache/e2e-chain'}/deployment.json`;
  return (JSON.parse(readFileSync(file, 'utf8')) as { protocolFeeRecipient: string }).protocolFeeRecipient;
}

/** A plain token transfer (SAC `transfer`), e.g. someone sending tokens straight to an escrow. */
export async function transferToken(token: string, from: Keypair, to: string, units: bigint) {
  const account = await server.getAccount(from.publicKey());
  const tx = new TransactionBuilder(account, { fee: BASE_FEE, networkPassphrase: E2E.passphrase })
    .addOperation(
      new Contract(token).call(
        'transfer',
        new Address(from.publicKey()).toScVal(),
        new Address(to).toScVal(),
        nativeToScVal(units, { type: 'i128' }),
      ),
    )
    .setTimeout(60)
    .build();
  const prepared = await server.prepareTransaction(tx);
  prepared.sign(from);
  const sent = await server.sendTransaction(prepared);
  const done = await server.pollTransaction(sent.hash, { attempts: 40 });
  if (done.status !== 'SUCCESS') throw new Error(`transfer ${done.status}`);
}

/** The latest ledger's sequence: a starting point for `transferred`. */
export async function latestLedger(): Promise<number> {
  return (await server.getLatestLedger()).sequence;
}

/**
 * What `from` sent `to` in `token` since `startLedger`, summed from the token's transfer events.
 * Accounts shared by parallel journeys (the protocol fee recipient) are checked this way rather
 * than by balance differences, which other journeys' fees would disturb.
 */
export async function transferred(token: string, from: string, to: string, startLedger: number): Promise<bigint> {
  const topic = (address: string) => new Address(address).toScVal().toXDR('base64');
  const res = await server.getEvents({
    startLedger,
    filters: [
      {
        type: 'contract',
        contractIds: [token],
        topics: [[xdr.ScVal.scvSymbol('transfer').toXDR('base64'), topic(from), topic(to), '*']],
      },
    ],
    limit: 1000,
  });
  return res.events.reduce((sum, e) => {
    const value = scValToNative(e.value) as bigint | { amount: bigint };
    return sum + BigInt(typeof value === 'object' ? value.amount : value);
  }, 0n);
}
