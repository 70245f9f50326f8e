/**
 * "Needs your action": the escrows where something waits on an address, judged by the action
 * panel's own function (`availableActions`) on the state the read model holds.
 *
 * Where it can differ from the escrow page (which reads the chain): the read model may be a
 * moment behind (the indexer polls every 2 s; this app's own submits are handed to it before they
 * answer), and a balance raised by a plain token transfer to the escrow (not `fund`) is not seen
 * until a reconciliation; what an address funded comes from the `fund` and refund events.
 */
import type { Database } from '@/lib/db/client';
import type { EscrowFilter } from '@/lib/db/queries/filters';
import { listEscrows, type EscrowListItem } from '@/lib/db/queries/list-escrows';
import type { Escrow } from '@/lib/escrow/types';
import { loadStates } from '@/lib/indexer/load-state';
import { availableActions, type AvailableAction } from '@/lib/steps/available';
import type { StepName } from '@/lib/steps/registry';

/**
 * Steps the address may take but nothing waits for: anyone may fund, a named party may always
 * raise a dispute, the platform may edit until the first funding. The panel offers them; the
 * dashboard does not count them as waiting on you.
 */
const OFFERS: ReadonlySet<StepName> = new Set(['fund', 'dispute', 'dispute-milestone', 'edit']);

/**
 * What waits on `address` in `escrow` at `now`: the panel's allowed steps minus the mere offers,
 * and marking a milestone only while it is unmarked (a service provider may re-mark any time).
 */
export function awaitedActions(
  escrow: Escrow,
  id: string,
  address: string,
  now: bigint,
  funding: bigint,
): AvailableAction[] {
  return availableActions(escrow, id, address, now, { funding }).filter(
    (a) => a.allowed && !OFFERS.has(a.step) && !(a.step === 'status' && escrow.milestones[a.milestone ?? -1]?.status),
  );
}

/** How many of an address's newest escrows are judged (their stored states are read in one go). */
export const NEEDS_ACTION_SCAN = 200;

export interface NeedsAction {
  /** The escrows that wait on the address, newest first, with what each waits for. */
  escrows: { row: EscrowListItem; actions: AvailableAction[] }[];
  /** What waits per escrow, for every escrow judged (the scan and any `extra` rows). */
  byEscrow: Map<string, AvailableAction[]>;
  /** False when the address has more matching escrows than were judged. */
  complete: boolean;
  scanned: number;
}

/** A released or resolved escrow with nothing left in it offers nobody anything. */
const settled = (r: EscrowListItem) => (r.status === 'released' || r.status === 'resolved') && r.balance === 0n;

/**
 * Judges the newest {@link NEEDS_ACTION_SCAN} escrows the filter means, plus `extra` rows (the
 * page on screen, which may be older), on the read model's state.
 */
export async function findNeedsAction(
  db: Database,
  filter: EscrowFilter,
  now: bigint,
  extra: EscrowListItem[] = [],
): Promise<NeedsAction> {
  const scan = await listEscrows(db, filter, { limit: NEEDS_ACTION_SCAN });
  const ids = new Set([...scan.rows, ...extra].filter((r) => !settled(r)).map((r) => r.contractId));
  const states = await loadStates(db, filter.network, [...ids]);
  const byEscrow = new Map<string, AvailableAction[]>();
  for (const [id, state] of states) {
    const mine = state.funders.find((f) => f.address === filter.address);
    const funding = mine ? mine.contributed - mine.refunded : 0n;
    byEscrow.set(id, awaitedActions(state.escrow, id, filter.address, now, funding));
  }
  return {
    escrows: scan.rows
      .filter((r) => byEscrow.get(r.contractId)?.length)
      .map((row) => ({ row, actions: byEscrow.get(row.contractId)! })),
    byEscrow,
    complete: scan.nextCursor === null,
    scanned: scan.rows.length,
  };
}
