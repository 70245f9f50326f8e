/**
 * Pending multi-signer steps: a release that needs signers who are not in one wallet. The first
 * signer starts it; each other signer signs only their own authorisation entry, from their own
 * browser; when all have signed, anyone submits it. Never a key, only unsigned and verified
 * signed authorisation entries.
 *
 * Kept in the database (table `pending_steps`), so a step survives a restart and every instance
 * on one database sees it. Bounded, never by evicting other people's steps: when a bound is
 * reached, the new step is refused. Who starts a step is only claimed until the starter's own
 * signature is in, so until then a step is *provisional*: it is charged to the client that asked
 * (a few at a time) and ends after 15 minutes. Once the starter has signed, it counts against the
 * escrow's and the starter's limits instead. Every write that checks a limit holds one advisory
 * lock for its transaction, so two instances can never both pass the same limit.
 */
import { randomBytes } from 'node:crypto';
import { and, count, eq, lt, or, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { pendingSteps } from '../db/schema/pending';

export interface PendingEntry {
  address: string;
  /** The authorisation entry as simulated (unsigned), base64 XDR. */
  entry: string;
  /** The same entry signed by its address, once they have (verified before it is stored). */
  signed: string | null;
}

export interface PendingStep {
  id: string;
  escrowId: string;
  /** The release signer who started it (its quota is charged). */
  starter: string;
  networkPassphrase: string;
  /** The host function (the contract call), base64 XDR. */
  func: string;
  entries: PendingEntry[];
  /** Signed entries are valid up to this ledger; the pending step ends with them. */
  validUntilLedger: number;
  summary: string[];
  createdAt: number;
}

export type NewPending = Omit<PendingStep, 'id' | 'createdAt'>;

/** Open pending steps one escrow may have, and one starter across escrows. */
export const MAX_PER_ESCROW = 3;
export const MAX_PER_STARTER = 3;
/** A bound on the table; beyond it new steps wait (nobody's step is evicted). */
export const MAX_PENDING = 10_000;
/** Provisional steps one client (connection or API key) may hold at once. */
export const MAX_PROVISIONAL_PER_CLIENT = 5;
/** A step its starter has not signed is dropped after this long, so an abandoned start frees its slot. */
export const UNSIGNED_TTL_MS = 15 * 60_000;
/** Bounds on what one step may hold (base64 XDR lengths; a release is far smaller). */
export const MAX_FUNC_LENGTH = 8_192;
export const MAX_ENTRIES = 5;

export interface PendingStore {
  /** Saves a new, provisional step for `client` (who asked: never shown to anyone), or says why not. */
  save(p: NewPending, client: string, now?: number): Promise<PendingStep | { refused: string }>;
  get(id: string, now?: number): Promise<PendingStep | null>;
  /**
   * Fills an unsigned slot with its verified signature (null: no such unsigned slot; a signed
   * slot is never replaced). The starter's own signature confirms the step, if the escrow and
   * the starter are within their limits.
   */
  setSigned(
    id: string,
    address: string,
    signed: string,
    now?: number,
  ): Promise<PendingStep | null | { refused: string }>;
  /** Drops steps whose entries have expired (given the chain's latest ledger) and abandoned ones. */
  prune(latestLedger: number, now?: number): Promise<void>;
}

type Row = typeof pendingSteps.$inferSelect;
type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

/** The lock every limit-checking write of pending steps takes (one namespace, all networks). */
const LOCK = sql`select pg_advisory_xact_lock(hashtext('openescrow-pending'))`;

const toStep = (r: Row): PendingStep => ({
  id: r.id,
  escrowId: r.escrowId,
  starter: r.starter,
  networkPassphrase: r.networkPassphrase,
  func: r.func,
  entries: r.entries as PendingEntry[],
  validUntilLedger: r.validUntilLedger,
  summary: r.summary as string[],
  createdAt: r.createdAt.getTime(),
});

/** The pending steps of `network` (its name, e.g. `local`) in `db`. */
export function databasePendingStore(db: Database, network: string): PendingStore {
  const t = pendingSteps;
  const ofNetwork = eq(t.network, network);
  /** An unsigned start older than the TTL: it is gone, whether or not it was deleted yet. */
  const abandoned = (now: number) => and(eq(t.confirmed, false), lt(t.createdAt, new Date(now - UNSIGNED_TTL_MS)));
  const countWhere = async (tx: Tx, where: ReturnType<typeof and>) =>
    (await tx.select({ n: count() }).from(t).where(and(ofNetwork, where)))[0]!.n;

  /** Why one more confirmed step of this escrow and starter would exceed their limits, or null. */
  async function limitProblem(tx: Tx, p: { escrowId: string; starter: string; id?: string }): Promise<string | null> {
    const others = p.id ? sql`${t.id} <> ${p.id}` : undefined;
    if ((await countWhere(tx, and(eq(t.confirmed, true), eq(t.escrowId, p.escrowId), others))) >= MAX_PER_ESCROW)
      return `This escrow already has ${MAX_PER_ESCROW} releases waiting for signatures; use one of them, or wait until they expire`;
    if ((await countWhere(tx, and(eq(t.confirmed, true), eq(t.starter, p.starter), others))) >= MAX_PER_STARTER)
      return `${p.starter} already has ${MAX_PER_STARTER} releases waiting for signatures; finish one or let it expire first`;
    return null;
  }

  return {
    async save(p, client, now = Date.now()) {
      if (
        p.func.length === 0 ||
        p.func.length > MAX_FUNC_LENGTH ||
        p.entries.length === 0 ||
        p.entries.length > MAX_ENTRIES ||
        p.entries.some((e) => e.entry.length > MAX_FUNC_LENGTH)
      )
        return { refused: 'This release is larger than a pending release may be' };
      const who = client.slice(0, 200) || 'unknown';
      return db.transaction(async (tx) => {
        await tx.execute(LOCK);
        await tx.delete(t).where(and(ofNetwork, abandoned(now)));
        const limit = await limitProblem(tx, p);
        if (limit) return { refused: limit };
        if ((await countWhere(tx, and(eq(t.confirmed, false), eq(t.client, who)))) >= MAX_PROVISIONAL_PER_CLIENT)
          return {
            refused: `You have started ${MAX_PROVISIONAL_PER_CLIENT} releases that their starters have not signed yet; sign one, or wait 15 minutes`,
          };
        if ((await countWhere(tx, undefined)) >= MAX_PENDING)
          return { refused: 'Too many releases are waiting for signatures on this server; try again later' };
        const [row] = await tx
          .insert(t)
          .values({
            id: randomBytes(12).toString('hex'),
            network,
            escrowId: p.escrowId,
            starter: p.starter,
            client: who,
            networkPassphrase: p.networkPassphrase,
            func: p.func,
            // A signature given at creation is never trusted: each one is verified as it is added.
            entries: p.entries.map((e) => ({ address: e.address, entry: e.entry, signed: null })),
            validUntilLedger: p.validUntilLedger,
            summary: p.summary,
            createdAt: new Date(now),
          })
          .returning();
        return toStep(row!);
      });
    },

    async get(id, now = Date.now()) {
      if (!/^[0-9a-f]{24}$/.test(id)) return null;
      const [row] = await db
        .select()
        .from(t)
        .where(and(ofNetwork, eq(t.id, id)));
      if (!row || (!row.confirmed && row.createdAt.getTime() < now - UNSIGNED_TTL_MS)) return null;
      return toStep(row);
    },

    async setSigned(id, address, signed, now = Date.now()) {
      if (!/^[0-9a-f]{24}$/.test(id)) return null;
      return db.transaction(async (tx) => {
        await tx.execute(LOCK);
        const [row] = await tx
          .select()
          .from(t)
          .where(and(ofNetwork, eq(t.id, id)))
          .for('update');
        if (!row || (!row.confirmed && row.createdAt.getTime() < now - UNSIGNED_TTL_MS)) return null;
        const p = toStep(row);
        if (!p.entries.some((e) => e.address === address && e.signed === null)) return null;
        const confirms = address === p.starter && !row.confirmed;
        if (confirms) {
          const limit = await limitProblem(tx, p);
          if (limit) return { refused: limit };
        }
        const entries = p.entries.map((e) => (e.address === address && e.signed === null ? { ...e, signed } : e));
        await tx
          .update(t)
          .set({ entries, confirmed: row.confirmed || confirms })
          .where(eq(t.id, id));
        return { ...p, entries };
      });
    },

    async prune(latestLedger, now = Date.now()) {
      await db.delete(t).where(and(ofNetwork, or(lt(t.validUntilLedger, latestLedger), abandoned(now))));
    },
  };
}
