/** Reads from the chain through Stellar RPC: the escrow, its events, tokens and trustlines. */
import {
  Account,
  Address,
  Asset,
  Contract,
  rpc,
  scValToNative,
  StrKey,
  TransactionBuilder,
  xdr,
} from '@stellar/stellar-sdk';
import type { NetworkConfig } from '../networks/config';
import { hostError, type ContractErrorEntry } from './errors';
import { ChainError } from './result';
import { logDetail } from '../log';
import { identify, tokenMetadataProblem, type TokenInfo } from '../tokens';

export type { TokenInfo } from '../tokens';

/** What a user sees when the RPC fails: never its URL (it may carry an API key) nor the raw error. */
export function rpcDown(context: string, e: unknown): ChainError {
  logDetail(`RPC ${context}`, e);
  return new ChainError({
    code: 'rpc-unreachable',
    message: 'The network’s RPC did not answer; try again in a moment',
  });
}

/** Simulations need a source; reads use the all-zero account, which needs to exist nowhere. */
const NULL_ACCOUNT = 'GAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAWHF';

const servers = new Map<string, rpc.Server>();

export function rpcServer(network: Pick<NetworkConfig, 'rpcUrl'>): rpc.Server {
  let s = servers.get(network.rpcUrl);
  if (!s) {
    s = new rpc.Server(network.rpcUrl, { allowHttp: network.rpcUrl.startsWith('http://') });
    servers.set(network.rpcUrl, s);
  }
  return s;
}

/**
 * Runs a read-only contract call (an operation from `Contract.call`) by simulation and returns
 * its value. `tokens`: contracts whose errors take the asset contract's table (for a read of a
 * token itself, that token).
 */
export async function simulateRead(
  network: NetworkConfig,
  contractId: string,
  call: xdr.Operation,
  errors: readonly ContractErrorEntry[] = [],
  tokens: ReadonlySet<string> = new Set(),
): Promise<xdr.ScVal> {
  const tx = new TransactionBuilder(new Account(NULL_ACCOUNT, '0'), {
    fee: '100',
    networkPassphrase: network.passphrase,
  })
    .addOperation(call)
    .setTimeout(30)
    .build();
  let sim: rpc.Api.SimulateTransactionResponse;
  try {
    sim = await rpcServer(network).simulateTransaction(tx);
  } catch (e) {
    throw rpcDown('simulateTransaction', e);
  }
  if (rpc.Api.isSimulationError(sim)) {
    if (/MissingValue|non-existent contract|contract.*not found/i.test(sim.error)) {
      throw new ChainError({ code: 'not-found', message: `There is no contract at ${contractId} on ${network.label}` });
    }
    throw new ChainError(hostError(sim.error, sim.events, errors, tokens));
  }
  if (!sim.result) throw new ChainError({ code: 'no-result', message: `The read of ${contractId} returned nothing` });
  return sim.result.retval;
}

const tokenCache = new Map<string, TokenInfo>();

/**
 * A token's symbol, decimals and, for Stellar Asset Contracts, its classic asset, checked and
 * identified against the network's known tokens. Throws a {@link ChainError} `token-unusable`
 * when its metadata is out of bounds (decimals outside 0–38, an empty, long or control-laden
 * symbol or name): amounts in it could not be shown or parsed safely.
 */
export async function readToken(network: NetworkConfig, contractId: string): Promise<TokenInfo> {
  const key = `${network.passphrase}|${contractId}`;
  const hit = tokenCache.get(key);
  if (hit) return hit;
  const token = new Contract(contractId);
  const read = (method: string) =>
    simulateRead(network, contractId, token.call(method), [], new Set([contractId])).then(scValToNative);
  const [rawDecimals, symbol, name] = await Promise.all([read('decimals'), read('symbol'), read('name')]);
  const decimals = typeof rawDecimals === 'bigint' ? Number(rawDecimals) : rawDecimals;
  let asset: TokenInfo['asset'] = null;
  const native = name === 'native' && Asset.native().contractId(network.passphrase) === contractId;
  if (typeof name === 'string' && !native) {
    const [code, issuer, ...rest] = name.split(':');
    if (
      code &&
      issuer &&
      rest.length === 0 &&
      /^[A-Za-z0-9]{1,12}$/.test(code) &&
      StrKey.isValidEd25519PublicKey(issuer) &&
      new Asset(code, issuer).contractId(network.passphrase) === contractId
    )
      asset = { code, issuer };
  }
  const problem = tokenMetadataProblem({ decimals, symbol, name }, asset !== null || native);
  if (problem)
    throw new ChainError({ code: 'token-unusable', message: `The token ${contractId} cannot be used: ${problem}` });
  const info = identify(
    {
      contractId,
      symbol: native ? 'XLM' : (symbol as string),
      name: name as string,
      decimals: decimals as number,
      asset,
      native,
    },
    network.tokens,
  );
  tokenCache.set(key, info);
  return info;
}

/** A token balance held by `holder`; null when a classic account has no trustline for it. */
export async function readBalance(network: NetworkConfig, token: string, holder: string): Promise<bigint | null> {
  try {
    const call = new Contract(token).call('balance', Address.fromString(holder).toScVal());
    const value = await simulateRead(network, token, call, [], new Set([token]));
    return BigInt(scValToNative(value) as bigint);
  } catch (e) {
    if (e instanceof ChainError && e.error.code === 'token.TrustlineMissingError') return null;
    throw e;
  }
}

/** Whether a classic account can hold `token`: true for XLM, contracts and issuers, else its trustline. */
export async function hasTrustline(network: NetworkConfig, token: TokenInfo, account: string): Promise<boolean> {
  if (!token.asset || !account.startsWith('G') || account === token.asset.issuer) return true;
  try {
    await rpcServer(network).getTrustline(account, new Asset(token.asset.code, token.asset.issuer));
    return true;
  } catch (e) {
    // Only "not found" means no trustline; an unreachable RPC is not the person's problem to fix.
    if (/not found/i.test((e as Error).message)) return false;
    throw rpcDown('getTrustline', e);
  }
}

/** Native XLM balance in stroops, or null when the account does not exist. */
export async function readXlmBalance(network: NetworkConfig, account: string): Promise<bigint | null> {
  try {
    const entry = await rpcServer(network).getAccountEntry(account);
    return BigInt(entry.balance);
  } catch (e) {
    if (/not found/i.test((e as Error).message)) return null;
    throw rpcDown('getAccountEntry', e);
  }
}

export interface EscrowEvent {
  id: string;
  action: string;
  ledger: number;
  closedAt: string;
  txHash: string;
  /** The event's data, rendered as text for the timeline. */
  data: string;
}

/** The escrow's contract events, oldest first, as far back as the RPC keeps them. */
export async function readEscrowEvents(network: NetworkConfig, contractId: string): Promise<EscrowEvent[]> {
  const server = rpcServer(network);
  const latest = await server.getLatestLedger();
  const health = await server.getHealth().catch(() => null);
  const oldest = health && 'oldestLedger' in health ? Number(health.oldestLedger) : 1;
  const startLedger = Math.max(oldest, latest.sequence - 9_999, 1);
  const res = await server.getEvents({
    startLedger,
    filters: [{ type: 'contract', contractIds: [contractId] }],
    limit: 200,
  });
  return res.events.map((e) => {
    const topics = e.topic.map((t) => scValToNative(t));
    return {
      id: e.id,
      action: topics[0] === 'escrow' && typeof topics[1] === 'string' ? topics[1] : topics.map(String).join(' '),
      ledger: e.ledger,
      closedAt: e.ledgerClosedAt,
      txHash: e.txHash,
      data: stringify(scValToNative(e.value)),
    };
  });
}

function stringify(v: unknown): string {
  return JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x)) ?? '';
}

const knownCode = new Set<string>();

/** Whether the wasm with this hash is uploaded to the network (remembered once seen). */
export async function wasmUploaded(network: NetworkConfig, hashHex: string): Promise<boolean> {
  const key = `${network.rpcUrl}|${hashHex}`;
  if (knownCode.has(key)) return true;
  const res = await rpcServer(network).getLedgerEntries(
    xdr.LedgerKey.contractCode(new xdr.LedgerKeyContractCode({ hash: Buffer.from(hashHex, 'hex') })),
  );
  if (res.entries.length > 0) knownCode.add(key);
  return res.entries.length > 0;
}
