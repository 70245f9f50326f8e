/**
 * The follower: reads the escrow events after the stored cursor, adopts a contract only when
 * its instance runs a released OpenEscrow build, projects the events onto the stored states and
 * writes snapshots, events, payouts and the new cursor in one transaction (`applyBatch`).
 * A crash anywhere resumes from the last written cursor; an event the stored state already
 * reflects (its id ≤ `lastEventId`) is skipped, so nothing is applied twice.
 */
import { nativeToScVal, rpc } from '@stellar/stellar-sdk';
import type { ReadModel } from '@/lib/db/client';
import type { NetworkConfig } from '@/lib/networks/config';
import { rpcServer } from '@/lib/stellar/rpc';
import { applyBatch, readCursor } from './apply-batch';
import { dataJson, decodeEventData, escrowAction } from './decode-event';
import { readChainEscrows, readInstances } from './contract-state';
import { loadStates } from './load-state';
import { applyEvent, payoutsOf, type EventPlace } from './project';
import { forgetNetwork } from './forget-network';
import { fromChain, reconcile } from './reconcile';
import type { EventRow, PayoutRow } from './rows';
import { toSnapshot, type SnapshotInput } from './snapshot';

/** Events per getEvents page (and per database transaction), unless told otherwise (tests page in small steps). */
const PAGE = 1000;

/** `("escrow", *)`: the only topics the follower asks for. */
export const ESCROW_TOPIC_FILTER = [[nativeToScVal('escrow', { type: 'symbol' }).toXDR('base64'), '*']];

export interface SyncResult {
  events: number;
  escrows: number;
  /** The ledger the cursor now stands at. */
  ledger: number;
  latestLedger: number;
  /** Whether the page was full (more events may follow at once). */
  full: boolean;
  /** Set when the cursor was older than the RPC's history and the known escrows were reconciled. */
  gap: { from: number; to: number } | null;
  /** Set when the stored cursor was ahead of the chain: the network started over and its rows were dropped. */
  reset: { cursorLedger: number; latestLedger: number } | null;
  /** After a full page: the next page, already asked for (from the cursor this page wrote). */
  next?: Prefetch;
}

/** A getEvents page asked for ahead, while the previous one is written. */
export interface Prefetch {
  cursor: string;
  page: Promise<rpc.Api.GetEventsResponse | null>;
}

/** Each contract's wasm hash (null: not a wasm contract, or none), so each contract's code is read once per process. */
const codeCache = new Map<string, string | null>();

/**
 * The wasm hashes of `ids`, reading those not seen before in one `getLedgerEntries` call per 200.
 * An unreachable RPC throws (the page is retried from the same cursor), so a real escrow is never
 * passed over for a network hiccup.
 */
async function wasmHashes(network: NetworkConfig, ids: string[]): Promise<Map<string, string | null>> {
  const key = (id: string) => `${network.passphrase}|${id}`;
  const unseen = ids.filter((id) => !codeCache.has(key(id)));
  if (unseen.length > 0) {
    for (const [id, instance] of await readInstances(network, unseen))
      codeCache.set(key(id), instance?.wasmHash ?? null);
  }
  return new Map(ids.map((id) => [id, codeCache.get(key(id)) ?? null]));
}

/** Forgets the code hashes read on `network` (after it started over, the same ids may hold other code). */
function forgetCodes(network: NetworkConfig): void {
  for (const k of codeCache.keys()) if (k.startsWith(`${network.passphrase}|`)) codeCache.delete(k);
}

/** The network's key in the read model (every row carries it). */
export const networkKey = (network: NetworkConfig) => network.name;

/**
 * Reads and applies one page of events after the stored cursor (from the oldest ledger the RPC
 * keeps when there is none). Returns what it wrote; call it again while `events` is a full page.
 */
export async function syncPage(
  rm: ReadModel,
  network: NetworkConfig,
  ahead?: Prefetch,
  pageSize = PAGE,
): Promise<SyncResult> {
  const key = networkKey(network);
  const server = rpcServer(network);
  const [cursor, health] = await Promise.all([readCursor(rm.db, key), server.getHealth()]);
  const oldest = Number(health.oldestLedger);
  const latest = Number(health.latestLedger);
  let stored = cursor;
  let reset: SyncResult['reset'] = null;
  if (stored && stored.ledger > latest) {
    // A chain never goes back: this one started over under the same name.
    reset = { cursorLedger: stored.ledger, latestLedger: latest };
    await forgetNetwork(rm.db, key);
    forgetCodes(network);
    stored = null;
  }
  let gap: SyncResult['gap'] = null;
  let request: rpc.Server.GetEventsRequest;
  if (stored?.cursor && stored.ledger + 1 >= oldest) {
    request = { filters: [{ type: 'contract', topics: ESCROW_TOPIC_FILTER }], cursor: stored.cursor, limit: pageSize };
  } else {
    if (stored?.cursor) {
      // History between the cursor and the RPC's oldest ledger is gone: take every known
      // escrow's state from the contract itself, then go on from what the RPC still has.
      gap = { from: stored.ledger + 1, to: oldest - 1 };
      await reconcile(rm, network);
    }
    request = {
      filters: [{ type: 'contract', topics: ESCROW_TOPIC_FILTER }],
      startLedger: Math.max(oldest, 1),
      limit: pageSize,
    };
  }
  // The page asked for ahead is the one to read when it starts at the stored cursor.
  const early = ahead && 'cursor' in request && request.cursor === ahead.cursor ? await ahead.page : null;
  const res = early ?? (await server.getEvents(request));
  const full = res.events.length >= pageSize;
  // While this page is projected and written, the next one is on its way (a failure there
  // only means it is asked for again).
  const next: Prefetch | undefined = full
    ? {
        cursor: res.cursor,
        page: server.getEvents({ filters: request.filters, cursor: res.cursor, limit: pageSize }).catch(() => null),
      }
    : undefined;

  const ours = res.events.flatMap((ev) => {
    const contractId = ev.contractId?.contractId();
    const action = escrowAction(ev.topic);
    return contractId && action && ev.inSuccessfulContractCall ? [{ ev, contractId, action }] : [];
  });
  const ids = [...new Set(ours.map((o) => o.contractId))];
  const states: Map<string, SnapshotInput | null> = await loadStates(rm.db, key, ids);
  // A contract enters the read model only when it runs a released build: a look-alike emitting
  // the same topics never does.
  const unknown = ids.filter((id) => !states.has(id));
  const hashes = await wasmHashes(network, unknown);
  const released = unknown.filter((id) => network.releasedWasmHashes.includes(hashes.get(id) ?? ''));
  // A released escrow whose `created` event is not on this page (it fell before the RPC's
  // history) is rebuilt from its contract state as of now; its events up to now are then only
  // recorded, and later ones apply on top.
  const createdHere = new Set(ours.filter((o) => o.action === 'created').map((o) => o.contractId));
  const orphans = released.filter((id) => !createdHere.has(id));
  if (orphans.length > 0) {
    const chain = await readChainEscrows(network, orphans);
    for (const id of orphans) {
      const found = chain.escrows.get(id);
      const first = ours.find((o) => o.contractId === id)!.ev;
      if (found)
        states.set(
          id,
          fromChain(id, found, null, chain.ledger, { ledger: first.ledger, closedAt: new Date(first.ledgerClosedAt) }),
        );
    }
  }
  const adoptable = new Set(released.filter((id) => createdHere.has(id)));

  const eventRows: EventRow[] = [];
  const payoutRows: PayoutRow[] = [];
  for (const { ev, contractId, action } of ours) {
    const state = states.get(contractId) ?? null;
    if (!state && !(action === 'created' && adoptable.has(contractId))) continue;
    let decoded;
    try {
      decoded = decodeEventData(action, ev.value);
    } catch {
      continue; // a released build emits only well-formed events; anything else is not ours
    }
    const place: EventPlace = {
      contractId,
      eventId: ev.id,
      ledger: ev.ledger,
      closedAt: new Date(ev.ledgerClosedAt),
      wasmHash: state?.wasmHash ?? hashes.get(contractId)!,
    };
    const row: EventRow = {
      eventId: ev.id,
      contractId,
      txHash: ev.txHash,
      ledger: ev.ledger,
      closedAt: place.closedAt,
      action,
      data: dataJson(decoded),
    };
    if (state && ev.id <= state.lastEventId) {
      // Already in the state (a replay, or before a rebuild from contract state): the timeline
      // still gets the event and its payouts (inserted once), the state is not touched.
      eventRows.push(row);
      payoutRows.push(...payoutsOf(decoded, place));
      continue;
    }
    const next = applyEvent(state, decoded, place);
    states.set(contractId, next.state);
    eventRows.push(row);
    payoutRows.push(...next.payouts);
  }

  // Only what this page changed is written (a replayed escrow's snapshot would be refused anyway).
  const touched = new Set(eventRows.map((e) => e.contractId));
  const snapshots = [...states].filter(([id, s]) => s && touched.has(id)).map(([, s]) => toSnapshot(s!));
  const last = res.events.at(-1);
  // A full page may stop inside a ledger: stand at the last event's ledger, else at the latest.
  const ledger = full && last ? last.ledger : Math.max(res.latestLedger, stored?.ledger ?? 0);
  const written = await applyBatch(
    rm.db,
    key,
    { escrows: snapshots, events: eventRows, payouts: payoutRows },
    { ledger, cursor: res.cursor },
  );
  return {
    events: written.events,
    escrows: written.escrows,
    ledger,
    latestLedger: Math.max(latest, res.latestLedger),
    full,
    gap,
    reset,
    next,
  };
}

/** Pages until the cursor reaches the RPC's latest ledger. */
export async function syncAll(rm: ReadModel, network: NetworkConfig, pageSize = PAGE): Promise<SyncResult> {
  let total: SyncResult = { events: 0, escrows: 0, ledger: 0, latestLedger: 0, full: false, gap: null, reset: null };
  let ahead: Prefetch | undefined;
  for (;;) {
    const r = await syncPage(rm, network, ahead, pageSize);
    ahead = r.next;
    total = {
      events: total.events + r.events,
      escrows: total.escrows + r.escrows,
      ledger: r.ledger,
      latestLedger: r.latestLedger,
      full: false,
      gap: total.gap ?? r.gap,
      reset: total.reset ?? r.reset,
    };
    // A page that was not full read everything up to the latest ledger it reported.
    if (!r.full) return total;
  }
}
