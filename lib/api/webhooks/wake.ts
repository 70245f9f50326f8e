/**
 * A nudge from the indexer to this process's webhook worker: new deliveries are due. The
 * enqueue runs inside the batch's transaction, so the worker looks a moment later (and its
 * regular poll catches anything a nudge missed).
 */
type Listener = () => void;
const shared = globalThis as typeof globalThis & { __openescrowWebhookWake?: Set<Listener> };
const listeners = (shared.__openescrowWebhookWake ??= new Set());

/** Registers the worker's wake-up; returns its removal. */
export function onWebhookWake(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Wakes every worker of this process. */
export function wakeWebhookWorker(): void {
  for (const l of listeners) l();
}
