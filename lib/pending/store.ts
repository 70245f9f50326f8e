/**
 * Pending multi-signer steps: a release that needs signers who are not in one wallet. The first
 * signer starts it; each other signer signs only their own authorisation entry, from their own
 * browser; when all have signed, anyone submits it. Never a key, only unsigned and verified
 * signed authorisation entries.
 *
 * Kept in this server's memory for now, behind the small {@link PendingStore} interface (the
 * read-model work moves it into the database). Bounded, never by evicting other people's steps:
 * when a bound is reached, the new step is refused. Who starts a step is only claimed until the
 * starter's own signature is in, so until then a step is *provisional*: it is charged to the
 * client that asked (a few at a time) and ends after 15 minutes. Once the starter has signed,
 * it counts against the escrow's and the starter's limits instead.
 */
import { randomBytes } from 'node:crypto';

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
/** A bound on memory; beyond it new steps wait (nobody's step is evicted). */
export const MAX_PENDING = 10_000;
/** Provisional steps one client (connection) may hold at once. */
export const MAX_PROVISIONAL_PER_CLIENT = 5;
/** A step its starter has not signed is dropped after this long, so an abandoned start frees its slot. */
export const UNSIGNED_TTL_MS = 15 * 60_000;
/** Bounds on what one step may hold (base64 XDR lengths; a release is far smaller). */
export const MAX_FUNC_LENGTH = 8_192;
export const MAX_ENTRIES = 5;

export interface PendingStore {
  /** Saves a new, provisional step for `client` (who asked: never shown to anyone), or says why not. */
  save(p: NewPending, client: string, now?: number): PendingStep | { refused: string };
  get(id: string, now?: number): PendingStep | null;
  /**
   * Fills an unsigned slot with its verified signature (null: no such unsigned slot; a signed
   * slot is never replaced). The starter's own signature confirms the step, if the escrow and
   * the starter are within their limits.
   */
  setSigned(id: string, address: string, signed: string): PendingStep | null | { refused: string };
  /** Drops steps whose entries have expired (given the chain's latest ledger). */
  prune(latestLedger: number): void;
}

/** The in-memory store. */
export function memoryPendingStore(): PendingStore {
  const steps = new Map<string, PendingStep>();
  const clients = new Map<string, string>(); // step id → who asked for it, kept out of the step itself
  const confirmed = (p: PendingStep) => p.entries.some((e) => e.address === p.starter && e.signed !== null);
  const abandoned = (p: PendingStep, now: number) => !confirmed(p) && now - p.createdAt > UNSIGNED_TTL_MS;
  const drop = (id: string) => {
    steps.delete(id);
    clients.delete(id);
  };
  const live = (now: number) => {
    for (const [id, p] of steps) if (abandoned(p, now)) drop(id);
    return [...steps.values()];
  };
  return {
    save(p, client, now = Date.now()) {
      if (
        p.func.length > MAX_FUNC_LENGTH ||
        p.entries.length === 0 ||
        p.entries.length > MAX_ENTRIES ||
        p.entries.some((e) => e.entry.length > MAX_FUNC_LENGTH)
      )
        return { refused: 'This release is larger than a pending release may be' };
      const open = live(now);
      const limit = limitProblem(open.filter(confirmed), p);
      if (limit) return { refused: limit };
      if (open.filter((x) => !confirmed(x) && clients.get(x.id) === client).length >= MAX_PROVISIONAL_PER_CLIENT)
        return {
          refused: `You have started ${MAX_PROVISIONAL_PER_CLIENT} releases that their starters have not signed yet; sign one, or wait 15 minutes`,
        };
      if (open.length >= MAX_PENDING)
        return { refused: 'Too many releases are waiting for signatures on this server; try again later' };
      const step: PendingStep = {
        ...p,
        entries: p.entries.map((e) => ({ ...e, signed: null })),
        id: randomBytes(12).toString('hex'),
        createdAt: now,
      };
      steps.set(step.id, step);
      clients.set(step.id, client);
      return step;
    },
    get(id, now = Date.now()) {
      const p = steps.get(id);
      if (!p) return null;
      if (abandoned(p, now)) {
        drop(id);
        return null;
      }
      return p;
    },
    setSigned(id, address, signed) {
      const p = steps.get(id);
      if (!p || !p.entries.some((e) => e.address === address && e.signed === null)) return null;
      if (address === p.starter) {
        const limit = limitProblem(
          [...steps.values()].filter((x) => x.id !== id && confirmed(x)),
          p,
        );
        if (limit) return { refused: limit };
      }
      const next = {
        ...p,
        entries: p.entries.map((e) => (e.address === address && e.signed === null ? { ...e, signed } : e)),
      };
      steps.set(id, next);
      return next;
    },
    prune(latestLedger) {
      for (const [id, p] of steps) if (p.validUntilLedger < latestLedger) drop(id);
    },
  };
}

/** Why one more confirmed step of `p`'s escrow and starter would exceed their limits, or null. */
function limitProblem(
  confirmedSteps: readonly PendingStep[],
  p: Pick<PendingStep, 'escrowId' | 'starter'>,
): string | null {
  if (confirmedSteps.filter((x) => x.escrowId === p.escrowId).length >= MAX_PER_ESCROW)
    return `This escrow already has ${MAX_PER_ESCROW} releases waiting for signatures; use one of them, or wait until they expire`;
  if (confirmedSteps.filter((x) => x.starter === p.starter).length >= MAX_PER_STARTER)
    return `${p.starter} already has ${MAX_PER_STARTER} releases waiting for signatures; finish one or let it expire first`;
  return null;
}

/** This server's pending steps. */
export const pendingStore: PendingStore = memoryPendingStore();

export const getPending = (id: string) => pendingStore.get(id);
