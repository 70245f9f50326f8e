/**
 * Escrows read straight from their ledger entries, many per `getLedgerEntries` call: the
 * instance (its wasm hash, the terms and texts of the config) and the persistent `state` entry
 * (progress, totals, each funder's holding), as contracts/escrow/src/storage.rs lays them out,
 * plus the escrow's balance of a Stellar Asset Contract token (its `Balance` entry). This is what
 * reconciliation and the adoption of an escrow whose `created` event is gone read, instead of
 * one simulated `get_escrow` per escrow. Only a released build's entries are decoded.
 */
import { Address, Contract, nativeToScVal, rpc, scValToNative, xdr } from '@stellar/stellar-sdk';
import { z } from 'zod';
import type { NetworkConfig } from '@/lib/networks/config';
import type { Escrow, Milestone } from '@/lib/escrow/types';
import { rpcDown, rpcServer, simulateRead } from '@/lib/stellar/rpc';
import { configFromEvent, terms, texts } from './decode-event';

/** Escrows per `getLedgerEntries` call: each takes up to 3 keys (instance, state, balance) and a token's instance, within RPC's 200. */
export const ESCROWS_PER_CALL = 50;

/** One contract's instance: its wasm hash (null for a non-wasm contract) and its instance storage. */
export interface Instance {
  wasmHash: string | null;
  storage: Map<string, xdr.ScVal>;
}

/** An escrow as its entries hold it, and what each funder still has in it. */
export interface ChainEscrow {
  escrow: Escrow;
  held: Map<string, bigint>;
  wasmHash: string;
}

const symbol = (s: string) => nativeToScVal(s, { type: 'symbol' });

const instanceKey = (id: string) =>
  xdr.LedgerKey.contractData(
    new xdr.LedgerKeyContractData({
      contract: Address.fromString(id).toScAddress(),
      key: xdr.ScVal.scvLedgerKeyContractInstance(),
      durability: xdr.ContractDataDurability.persistent,
    }),
  );

const dataKey = (id: string, key: xdr.ScVal) =>
  xdr.LedgerKey.contractData(
    new xdr.LedgerKeyContractData({
      contract: Address.fromString(id).toScAddress(),
      key,
      durability: xdr.ContractDataDurability.persistent,
    }),
  );

const stateKey = (id: string) => dataKey(id, symbol('state'));
/** A Stellar Asset Contract's balance of `holder` (a contract holds its balance in contract data). */
const sacBalanceKey = (token: string, holder: string) =>
  dataKey(token, xdr.ScVal.scvVec([symbol('Balance'), Address.fromString(holder).toScVal()]));

/** Reads `keys` in calls of at most 200; the answer by key (base64 XDR), and the ledger read at. */
async function readEntries(
  network: NetworkConfig,
  keys: xdr.LedgerKey[],
): Promise<{ entries: Map<string, xdr.LedgerEntryData>; ledger: number }> {
  const entries = new Map<string, xdr.LedgerEntryData>();
  let ledger = 0;
  const unique = [...new Map(keys.map((k) => [k.toXDR('base64'), k])).values()];
  for (let i = 0; i < unique.length; i += 200) {
    let res: rpc.Api.GetLedgerEntriesResponse;
    try {
      res = await rpcServer(network).getLedgerEntries(...unique.slice(i, i + 200));
    } catch (e) {
      throw rpcDown('getLedgerEntries', e);
    }
    ledger = Math.max(ledger, res.latestLedger);
    for (const e of res.entries) entries.set(e.key.toXDR('base64'), e.val);
  }
  return { entries, ledger };
}

function instanceOf(data: xdr.LedgerEntryData | undefined): Instance | null {
  if (!data || data.type !== 'contractData' || data.contractData.val.type !== 'scvContractInstance') return null;
  const { executable, storage } = data.contractData.val.instance;
  const wasmHash =
    executable.type === 'contractExecutableWasm' ? Buffer.from(executable.wasmHash.value).toString('hex') : null;
  const byName = new Map<string, xdr.ScVal>();
  for (const e of storage ?? []) if (e.key.type === 'scvSymbol') byName.set(e.key.value, e.val);
  return { wasmHash, storage: byName };
}

/** The instances of `ids` (null where there is no contract), in as few calls as 200 keys allow. */
export async function readInstances(network: NetworkConfig, ids: string[]): Promise<Map<string, Instance | null>> {
  const { entries } = await readEntries(network, ids.map(instanceKey));
  return new Map(ids.map((id) => [id, instanceOf(entries.get(instanceKey(id).toXDR('base64')))]));
}

const option = <T extends z.ZodType>(t: T) => t.nullish().transform((v) => v ?? null);
const progressRow = z.tuple([z.number().int(), option(z.string()), option(z.string()), option(z.string())]);
const stateRow = z.tuple([
  z.array(progressRow), // milestones
  z.number().int(), // flags
  option(z.string()), // dispute reason
  z.bigint(), // funded
  z.bigint(), // paid out
  z.bigint(), // refunded
  z.number().int(), // terms version
  z.array(z.string()), // funders
  z.array(z.bigint()), // what each still has in it
  z.number().int(), // ttl due
]);

// contracts/escrow/src/state.rs: flag bits, and approvals above the low 8 bits.
const APPROVED = 1;
const DISPUTED = 2;
const RELEASED = 4;
const RESOLVED = 8;
const REFUNDING = 16;

/** The escrow the entries describe, as `get_escrow` shows it (balance given); throws when they are not the contract's shape. */
function decodeEntries(instance: Instance, state: xdr.ScVal, balance: bigint): Omit<ChainEscrow, 'wasmHash'> {
  const t = terms.parse(scValToNative(instance.storage.get('terms') ?? xdr.ScVal.scvVoid()));
  const x = texts.parse(scValToNative(instance.storage.get('texts') ?? xdr.ScVal.scvVoid()));
  const config = configFromEvent(t, x);
  const [rows, flags, reason, funded, paidOut, refunded, termsVersion, funders, amounts] = stateRow.parse(
    scValToNative(state),
  );
  const milestones: Milestone[] = rows.map(([bits, status, evidence, why]) => ({
    status: status ?? '',
    evidence: evidence ?? '',
    approvals: config.roles.approvers.filter((_, slot) => (bits >> 8) & (1 << slot)),
    approved: (bits & APPROVED) !== 0,
    disputed: (bits & DISPUTED) !== 0,
    disputeReason: why ?? '',
    released: (bits & RELEASED) !== 0,
    resolved: (bits & RESOLVED) !== 0,
  }));
  return {
    escrow: {
      config,
      milestones,
      disputed: (flags & DISPUTED) !== 0,
      disputeReason: reason ?? '',
      released: (flags & RELEASED) !== 0,
      resolved: (flags & RESOLVED) !== 0,
      funded,
      paidOut,
      refunded,
      refunding: (flags & REFUNDING) !== 0,
      balance,
      termsVersion,
    },
    held: new Map(funders.map((f, i) => [f, amounts[i] ?? 0n])),
  };
}

/** Whether each token is a Stellar Asset Contract (its code never changes, so it is remembered). */
const sacTokens = new Map<string, boolean>();

/** An escrow's balance of a token that is not a Stellar Asset Contract: its own `balance`, simulated. */
async function simulatedBalance(network: NetworkConfig, token: string, holder: string): Promise<bigint> {
  const v = await simulateRead(
    network,
    token,
    new Contract(token).call('balance', Address.fromString(holder).toScVal()),
  );
  return BigInt(scValToNative(v) as bigint | number);
}

/**
 * Reads `ids` from their entries: a map holding each one that runs a released build (the others
 * are left out), and the ledger read at. `tokens` (each escrow's token as last known) lets the
 * balance entries go into the same call; an escrow whose token is unknown or changed, or a token
 * that is not a Stellar Asset Contract, costs one more read. `perCall`: escrows per call (at most
 * {@link ESCROWS_PER_CALL}, so that a call stays within RPC's 200 keys).
 */
export async function readChainEscrows(
  network: NetworkConfig,
  ids: string[],
  tokens: Map<string, string> = new Map(),
  perCall = ESCROWS_PER_CALL,
): Promise<{ escrows: Map<string, ChainEscrow>; ledger: number }> {
  const out = new Map<string, ChainEscrow>();
  let ledger = 0;
  for (let i = 0; i < ids.length; i += perCall) {
    const part = ids.slice(i, i + perCall);
    const guess = (id: string) => tokens.get(id);
    const keys = part.flatMap((id) => {
      const token = guess(id);
      const extra = token ? [sacBalanceKey(token, id), ...(sacTokens.has(token) ? [] : [instanceKey(token)])] : [];
      return [instanceKey(id), stateKey(id), ...extra];
    });
    const first = await readEntries(network, keys);
    ledger = Math.max(ledger, first.ledger);
    const get = (k: xdr.LedgerKey) => first.entries.get(k.toXDR('base64'));
    const found: { id: string; instance: Instance; state: xdr.ScVal; token: string }[] = [];
    for (const id of part) {
      const instance = instanceOf(get(instanceKey(id)));
      const state = get(stateKey(id));
      if (!instance?.wasmHash || !network.releasedWasmHashes.includes(instance.wasmHash) || !state) continue;
      const t = terms.safeParse(scValToNative(instance.storage.get('terms') ?? xdr.ScVal.scvVoid()));
      if (!t.success) continue;
      if (state.type !== 'contractData') continue;
      found.push({ id, instance, state: state.contractData.val, token: t.data[1] });
    }
    for (const f of found) {
      const tokenInstance = get(instanceKey(f.token));
      if (tokenInstance && guess(f.id) === f.token)
        sacTokens.set(f.token, instanceOf(tokenInstance)?.wasmHash === null);
    }
    // Balances not read yet: a token other than the one guessed, or a token never seen.
    const missing = found.filter((f) => guess(f.id) !== f.token || !sacTokens.has(f.token));
    const second =
      missing.length > 0
        ? await readEntries(
            network,
            missing.flatMap((f) => [sacBalanceKey(f.token, f.id), instanceKey(f.token)]),
          )
        : null;
    const all = new Map([...first.entries, ...(second?.entries ?? [])]);
    for (const f of missing) {
      const tokenInstance = all.get(instanceKey(f.token).toXDR('base64'));
      sacTokens.set(f.token, !!tokenInstance && instanceOf(tokenInstance)?.wasmHash === null);
    }
    for (const f of found) {
      const balance = sacTokens.get(f.token)
        ? sacBalance(all.get(sacBalanceKey(f.token, f.id).toXDR('base64')))
        : await simulatedBalance(network, f.token, f.id);
      try {
        out.set(f.id, { ...decodeEntries(f.instance, f.state, balance), wasmHash: f.instance.wasmHash! });
      } catch {
        // A released build writes only its own layout; anything else is not an escrow to trust.
      }
    }
  }
  return { escrows: out, ledger };
}

/** A Stellar Asset Contract's balance entry (`{ amount, authorized, clawback }`), 0 when there is none. */
function sacBalance(entry: xdr.LedgerEntryData | undefined): bigint {
  if (!entry) return 0n;
  if (entry.type !== 'contractData') return 0n;
  const v = scValToNative(entry.contractData.val) as { amount?: bigint };
  return typeof v.amount === 'bigint' ? v.amount : 0n;
}
