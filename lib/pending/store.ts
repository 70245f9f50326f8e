/**
 * Pending multi-signer steps: a release that needs signers who are not in one wallet. The first
 * signer starts it; each other signer signs only their own authorisation entry, from their own
 * browser; when all have signed, anyone submits it. Kept in this server's memory until the
 * entries expire — never a key, only unsigned and signed authorisation entries.
 */
import { randomBytes } from 'node:crypto';

export interface PendingEntry {
  address: string;
  /** The authorisation entry as simulated (unsigned), base64 XDR. */
  entry: string;
  /** The same entry signed by its address, once they have. */
  signed: string | null;
}

export interface PendingStep {
  id: string;
  escrowId: string;
  networkPassphrase: string;
  /** The host function (the contract call), base64 XDR. */
  func: string;
  entries: PendingEntry[];
  /** Signed entries are valid up to this ledger; the pending step ends with them. */
  validUntilLedger: number;
  summary: string[];
  createdAt: number;
}

const store = new Map<string, PendingStep>();
/** A bound on memory: the oldest pending steps give way beyond it. */
const MAX_PENDING = 1000;

export function savePending(p: Omit<PendingStep, 'id' | 'createdAt'>): PendingStep {
  while (store.size >= MAX_PENDING) store.delete(store.keys().next().value!);
  const step = { ...p, id: randomBytes(12).toString('hex'), createdAt: Date.now() };
  store.set(step.id, step);
  return step;
}

export function getPending(id: string): PendingStep | null {
  return store.get(id) ?? null;
}

/** Drops steps whose entries have expired (called with the chain's latest ledger). */
export function prunePending(latestLedger: number): void {
  for (const [id, p] of store) if (p.validUntilLedger < latestLedger) store.delete(id);
}

export function setSigned(id: string, address: string, signed: string): PendingStep | null {
  const p = store.get(id);
  if (!p) return null;
  const next = { ...p, entries: p.entries.map((e) => (e.address === address ? { ...e, signed } : e)) };
  store.set(id, next);
  return next;
}
