// Shared helpers for the localnet conformance suite. Everything talks to the
// node the way applications do: through @stellar/stellar-sdk's rpc.Server and
// contract.Client, plus raw fetch() where the wire format itself is under test.
// Localnet's own endpoints (/localnet, /faucet) and trustlines go through the
// project's one localnet client (lib/localnet/client.ts).
import { inject } from 'vitest';
import {
  Asset,
  Keypair,
  Networks,
  Operation,
  TransactionBuilder,
  contract,
  rpc,
  xdr,
  type FeeBumpTransaction,
  type Transaction,
} from '@stellar/stellar-sdk';
import {
  faucetRequest,
  localnet,
  localnetInfo as clientLocalnetInfo,
  localnetUsdc,
  sendOperation,
  type Localnet,
  type LocalnetInfo as ClientLocalnetInfo,
} from '../../lib/localnet/client.ts';

export const PASSPHRASE = Networks.STANDALONE; // "Standalone Network ; February 2017"
export const PROTOCOL = 28; // the XDR @stellar/stellar-sdk 17 ships (stellar-xdr 28, see localnet/README.md)
export const STROOPS = 10_000_000n;

/** A localnet to talk to: its base URL, its RPC URL and an rpc.Server on it. */
export type Ctx = Localnet;

/** The shared localnet started by global-setup.ts. */
export function sharedCtx(): Ctx {
  return makeCtx(inject('baseUrl'));
}

export function makeCtx(baseUrl: string): Ctx {
  return localnet(baseUrl, PASSPHRASE);
}

// ---------------------------------------------------------------- raw JSON-RPC

export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

/** POSTs a body to /rpc as-is and returns status, headers, text and parsed JSON (or undefined). */
export async function postRaw(
  rpcUrl: string,
  body: string,
  headers: Record<string, string> = { 'content-type': 'application/json' },
): Promise<RawResponse> {
  const r = await fetch(rpcUrl, {
    method: 'POST',
    headers,
    body,
    signal: AbortSignal.timeout(15_000),
  });
  const text = await r.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: r.status, headers: r.headers, text, body: parsed };
}

/** A JSON-RPC 2.0 request; returns the whole response envelope. */
export async function rawRpc(
  rpcUrl: string,
  method: string,
  params?: unknown,
  id: number | string = 1,
): Promise<RawResponse> {
  return postRaw(rpcUrl, JSON.stringify({ jsonrpc: '2.0', id, method, params: params ?? null }));
}

/** A JSON-RPC request that must succeed; returns `result`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function rpcResult(rpcUrl: string, method: string, params?: unknown): Promise<any> {
  const r = await rawRpc(rpcUrl, method, params);
  if (r.status !== 200 || r.body === undefined || 'error' in r.body) {
    throw new Error(`${method} failed: HTTP ${r.status} ${r.text.slice(0, 500)}`);
  }
  return r.body.result;
}

// ---------------------------------------------------------------- polling

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `fn` until it returns a truthy value or the time is up (bounded, no long sleeps). */
export async function waitFor<T>(
  what: string,
  fn: () => Promise<T | undefined | null | false>,
  timeoutMs = 10_000,
  stepMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    }
    await sleep(stepMs);
  }
}

// ---------------------------------------------------------------- transactions

export function hashHex(tx: Transaction | FeeBumpTransaction): string {
  return Buffer.from(tx.hash()).toString('hex');
}

export async function getTxFinal(
  server: rpc.Server,
  hash: string,
  timeoutMs = 10_000,
): Promise<rpc.Api.GetSuccessfulTransactionResponse | rpc.Api.GetFailedTransactionResponse> {
  return waitFor(
    `getTransaction(${hash}) to leave NOT_FOUND`,
    async () => {
      const r = await server.getTransaction(hash);
      return r.status === rpc.Api.GetTransactionStatus.NOT_FOUND ? undefined : r;
    },
    timeoutMs,
  );
}

export interface BuildOpts {
  fee?: string;
  timeout?: number;
  memo?: undefined;
}

export async function buildTx(
  c: Ctx,
  source: string,
  ops: xdr.Operation[],
  opts: BuildOpts = {},
): Promise<Transaction> {
  const account = await c.server.getAccount(source);
  const b = new TransactionBuilder(account, {
    fee: opts.fee ?? '100',
    networkPassphrase: PASSPHRASE,
  });
  for (const op of ops) b.addOperation(op);
  b.setTimeout(opts.timeout ?? 30);
  return b.build();
}

/** Sends a signed transaction; it must be accepted (PENDING); returns the final getTransaction. */
export async function sendAndWait(
  c: Ctx,
  tx: Transaction | FeeBumpTransaction,
): Promise<rpc.Api.GetSuccessfulTransactionResponse | rpc.Api.GetFailedTransactionResponse> {
  const sent = await c.server.sendTransaction(tx);
  if (sent.status !== 'PENDING') {
    throw new Error(
      `sendTransaction: expected PENDING, got ${sent.status}` +
        (sent.errorResult ? ` ${JSON.stringify(sent.errorResult.toJson())}` : '') +
        (sent.diagnosticEvents ? ` diagnostics ${JSON.stringify(sent.diagnosticEvents.map((e) => e.toJson()))}` : ''),
    );
  }
  return getTxFinal(c.server, sent.hash);
}

/** Sends and requires SUCCESS. */
export async function submitOk(
  c: Ctx,
  tx: Transaction | FeeBumpTransaction,
): Promise<rpc.Api.GetSuccessfulTransactionResponse> {
  const r = await sendAndWait(c, tx);
  if (r.status !== rpc.Api.GetTransactionStatus.SUCCESS) {
    throw new Error(`transaction ${r.txHash} FAILED: ${JSON.stringify(r.resultXdr.toJson())}`);
  }
  return r;
}

/** Builds, signs with `signers` (default: the source) and submits; requires SUCCESS. */
export async function run(
  c: Ctx,
  source: Keypair,
  ops: xdr.Operation[],
  opts: BuildOpts & { signers?: Keypair[] } = {},
): Promise<rpc.Api.GetSuccessfulTransactionResponse> {
  const tx = await buildTx(c, source.publicKey(), ops, opts);
  tx.sign(...(opts.signers ?? [source]));
  return submitOk(c, tx);
}

/** The TransactionResult code as the SDK names it, e.g. "txBadSeq". */
export function txCode(r: xdr.TransactionResult): string {
  return r.result.type;
}

/** Operation results in the SDK's JSON form (snake_case names), for precise code assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function opResultsJson(r: xdr.TransactionResult): any[] {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const j: any = r.toJson();
  const res = j.result;
  if (res && typeof res === 'object') {
    const v = res.tx_success ?? res.tx_failed;
    if (Array.isArray(v)) return v;
  }
  return [];
}

// ---------------------------------------------------------------- accounts & assets

/** Funds a new (or given) account through friendbot, the way the SDK does (POST ?addr=). */
export async function fund(c: Ctx, kp: Keypair = Keypair.random()): Promise<Keypair> {
  await c.server.requestAirdrop(kp.publicKey());
  return kp;
}

export async function nativeBalance(c: Ctx, address: string): Promise<bigint> {
  const e = await c.server.getAccountEntry(address);
  return e.balance;
}

/** What GET /localnet answers; the suite reads the issued assets (each has an issuer). */
export type LocalnetInfo = Omit<ClientLocalnetInfo, 'assets'> & {
  assets: { code: string; issuer: string; contractId: string }[];
};

export const localnetInfo = (c: Ctx) => clientLocalnetInfo(c) as Promise<LocalnetInfo>;

export async function usdcAsset(c: Ctx): Promise<Asset> {
  const a = await localnetUsdc(c);
  return new Asset('USDC', a.issuer);
}

/** POST /faucet?addr=&asset=&amount= ; returns the HTTP status and parsed body. */
export const faucet = faucetRequest;

/** A funded account with a USDC trustline. */
export async function fundWithTrustline(c: Ctx, usdc: Asset, kp: Keypair = Keypair.random()) {
  await fund(c, kp);
  await sendOperation(c, kp, Operation.changeTrust({ asset: usdc }));
  return kp;
}

/** A contract.Client for a Stellar Asset Contract, acting as `kp`. */
export async function sacClient(c: Ctx, contractId: string, kp: Keypair) {
  const signer = contract.basicNodeSigner(kp, PASSPHRASE);
  return contract.Client.from({
    contractId,
    networkPassphrase: PASSPHRASE,
    rpcUrl: c.rpcUrl,
    allowHttp: true,
    publicKey: kp.publicKey(),
    signTransaction: signer.signTransaction,
    signAuthEntry: signer.signAuthEntry,
  });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyClient = contract.Client & Record<string, any>;

/** The base64 XDR of a Symbol ScVal, for getEvents topic filters. */
export function symTopic(s: string): string {
  return xdr.ScVal.scvSymbol(s).toXdr('base64');
}

/** Hex of an XDR opaque value (Hash etc.). */
export function hexOf(b: { value: Uint8Array } | Uint8Array): string {
  return Buffer.from(b instanceof Uint8Array ? b : b.value).toString('hex');
}
