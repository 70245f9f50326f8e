/**
 * The one TypeScript client of a chain for scripts and tests: send an operation, fund an account
 * (friendbot), add a trustline, and localnet's own endpoints (`/localnet`, `/faucet`, the clock).
 * The e2e suite, the localnet conformance suite and the deploy script all go through it.
 * Relative imports only: the conformance suite loads it outside the app's path aliases.
 */
import {
  Account,
  Asset,
  BASE_FEE,
  Contract,
  Keypair,
  Networks,
  Operation,
  rpc,
  scValToNative,
  TransactionBuilder,
  xdr,
} from '@stellar/stellar-sdk';
import { createHash } from 'node:crypto';

/** A network to send transactions to. */
export interface Chain {
  server: rpc.Server;
  passphrase: string;
}

/** A localnet: a chain with localnet's own endpoints beside its RPC. */
export interface Localnet extends Chain {
  baseUrl: string;
  rpcUrl: string;
}

/** A localnet at `baseUrl` (e.g. http://127.0.0.1:8000); its RPC is `${baseUrl}/rpc`. */
export function localnet(baseUrl: string, passphrase: string = Networks.STANDALONE): Localnet {
  const rpcUrl = `${baseUrl}/rpc`;
  return { baseUrl, rpcUrl, passphrase, server: new rpc.Server(rpcUrl, { allowHttp: true }) };
}

/** An asset localnet issues at start (USDC, EURC, …) with its asset contract; XLM has no issuer. */
export interface LocalnetAsset {
  code: string;
  issuer: string | null;
  contractId: string;
}

/** What `GET /localnet` answers. */
export interface LocalnetInfo {
  passphrase: string;
  rpcUrl: string;
  friendbotUrl: string;
  protocolVersion: number;
  assets: LocalnetAsset[];
}

export async function localnetInfo(l: Localnet): Promise<LocalnetInfo> {
  const res = await fetch(`${l.baseUrl}/localnet`);
  if (res.status !== 200) throw new Error(`GET /localnet: HTTP ${res.status}`);
  return (await res.json()) as LocalnetInfo;
}

/** Localnet's test USDC. */
export async function localnetUsdc(l: Localnet): Promise<LocalnetAsset & { issuer: string }> {
  const info = await localnetInfo(l);
  const a = info.assets.find((x) => x.code === 'USDC');
  if (!a?.issuer) throw new Error(`GET /localnet lists no USDC asset: ${JSON.stringify(info.assets)}`);
  return a as LocalnetAsset & { issuer: string };
}

/** Creates and funds `address` through a friendbot (`friendbotUrl`, e.g. `${baseUrl}/friendbot`). */
export async function friendbot(friendbotUrl: string, address: string): Promise<void> {
  const res = await fetch(`${friendbotUrl}?addr=${encodeURIComponent(address)}`);
  if (!res.ok) throw new Error(`friendbot refused ${address}: ${await res.text()}`);
}

/** `POST /faucet`: its HTTP status and body as they are (the conformance suite checks refusals). */
export async function faucetRequest(
  l: Localnet,
  address: string,
  asset: string,
  amount: string,
): Promise<{ status: number; body: unknown; text: string }> {
  const q = (v: string) => encodeURIComponent(v);
  const res = await fetch(`${l.baseUrl}/faucet?addr=${q(address)}&asset=${q(asset)}&amount=${q(amount)}`, {
    method: 'POST',
  });
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.status, body, text };
}

/** Mints `amount` (decimal) of a localnet asset to `address`, which must trust it. */
export async function faucet(l: Localnet, address: string, amount: string, asset = 'USDC'): Promise<void> {
  const res = await faucetRequest(l, address, asset, amount);
  if (res.status !== 200) throw new Error(`faucet: ${res.text}`);
}

export interface SendOptions {
  /** A contract call or upload: simulate first for its footprint, auth and fee. */
  soroban?: boolean;
  /** A footprint given by hand (an extension of a TTL). */
  sorobanData?: xdr.SorobanTransactionData;
  /** The transaction's time bound, seconds (default 60). */
  timeout?: number;
}

/** Sends one operation from `key` and waits until it is final; throws unless it succeeded. */
export async function sendOperation(
  c: Chain,
  key: Keypair,
  op: xdr.Operation,
  opts: SendOptions = {},
): Promise<rpc.Api.GetSuccessfulTransactionResponse> {
  const account = await c.server.getAccount(key.publicKey());
  const builder = new TransactionBuilder(account, { fee: BASE_FEE, networkPassphrase: c.passphrase })
    .addOperation(op)
    .setTimeout(opts.timeout ?? 60);
  if (opts.sorobanData) builder.setSorobanData(opts.sorobanData);
  let tx = builder.build();
  if (opts.soroban) tx = await c.server.prepareTransaction(tx);
  tx.sign(key);
  const sent = await c.server.sendTransaction(tx);
  if (sent.status === 'ERROR') throw new Error(`rejected: ${sent.errorResult?.result.type ?? 'unknown'}`);
  const done = await c.server.pollTransaction(sent.hash, { attempts: 60 });
  if (done.status !== 'SUCCESS') throw new Error(`transaction ${sent.hash} ended ${done.status}`);
  return done as rpc.Api.GetSuccessfulTransactionResponse;
}

/** Reads a contract by simulating a call to `method` (nothing is sent); its result as a JS value. */
export async function readContract(
  c: Chain,
  contractId: string,
  method: string,
  ...args: xdr.ScVal[]
): Promise<unknown> {
  // Simulation needs a source but no real account: any address will do.
  const tx = new TransactionBuilder(new Account(Keypair.random().publicKey(), '0'), {
    fee: BASE_FEE,
    networkPassphrase: c.passphrase,
  })
    .addOperation(new Contract(contractId).call(method, ...args))
    .setTimeout(30)
    .build();
  const sim = await c.server.simulateTransaction(tx);
  if (rpc.Api.isSimulationError(sim) || !sim.result)
    throw new Error(`${method}: ${'error' in sim ? sim.error : 'no result'}`);
  return scValToNative(sim.result.retval);
}

/** Adds a trustline from `key` to a classic asset. */
export async function trust(c: Chain, key: Keypair, asset: { code: string; issuer: string }): Promise<void> {
  await sendOperation(c, key, Operation.changeTrust({ asset: new Asset(asset.code, asset.issuer) }));
}

/** Whether `account` trusts the asset already. */
export async function trusts(c: Chain, account: string, asset: { code: string; issuer: string }): Promise<boolean> {
  try {
    await c.server.getTrustline(account, new Asset(asset.code, asset.issuer));
    return true;
  } catch {
    return false;
  }
}

/** Uploads a wasm (a no-op when the same code is there) and returns its hash, hex. */
export async function uploadWasm(c: Chain, key: Keypair, wasm: Buffer): Promise<string> {
  await sendOperation(c, key, Operation.uploadContractWasm({ wasm }), { soroban: true });
  return createHash('sha256').update(wasm).digest('hex');
}

/** A new account funded by friendbot, with a USDC trustline (unless `trustline: false`) and `usdc` test USDC. */
export async function readyAccount(l: Localnet, opts: { usdc?: string; trustline?: boolean } = {}): Promise<Keypair> {
  const key = Keypair.random();
  await friendbot(`${l.baseUrl}/friendbot`, key.publicKey());
  if (opts.trustline !== false || opts.usdc) await trust(l, key, await localnetUsdc(l));
  if (opts.usdc) await faucet(l, key.publicKey(), opts.usdc);
  return key;
}

/** Moves localnet's clock forward (its non-standard RPC method `localnet_advanceTime`). */
export async function advanceTime(l: Localnet, seconds: number): Promise<{ closeTime: string }> {
  const res = await fetch(l.rpcUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'localnet_advanceTime', params: { seconds } }),
  });
  const body = (await res.json()) as { result?: { closeTime: string }; error?: unknown };
  if (!body.result) throw new Error(`advanceTime: ${JSON.stringify(body.error)}`);
  return body.result;
}
