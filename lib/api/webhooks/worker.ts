/**
 * The delivery worker: started beside the indexer, it polls for due deliveries (and is woken
 * when the indexer enqueues some), sends each with a timeout and settles it. Every receiver (a
 * URL's origin) has its own small number of attempts in flight, so a slow or down receiver
 * holds only its own slots and delays nobody else.
 */
import type { Database } from '@/lib/db/client';
import { logDetail } from '@/lib/log';
import { nextAttemptAt } from './backoff';
import { claimDelivery, dueDeliveries, settleDelivery } from './deliveries';
import { attemptDelivery, SEND_TIMEOUT_MS } from './send';
import { onWebhookWake } from './wake';

export interface WorkerOptions {
  network: string;
  /** Plain http to 127.0.0.1 is allowed (the local network only). */
  allowLocal: boolean;
  retryBaseMs: number;
  pollMs?: number;
  perReceiver?: number;
  timeoutMs?: number;
}

export interface WebhookWorker {
  /** Looks for due deliveries now. */
  poll(): Promise<void>;
  /** Resolves when no attempt is in flight (tests). */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

const receiverOf = (url: string) => new URL(url).origin;

/** Starts delivering `options.network`'s webhooks from `getDb()`'s database. */
export function startWebhookWorker(getDb: () => Promise<Database>, options: WorkerOptions): WebhookWorker {
  const perReceiver = options.perReceiver ?? 4;
  const timeoutMs = options.timeoutMs ?? SEND_TIMEOUT_MS;
  const inFlight = new Map<string, number>();
  const attempts = new Set<Promise<void>>();
  let stopped = false;
  let polling: Promise<void> | null = null;
  let again = false;

  async function deliver(db: Database, d: Awaited<ReturnType<typeof dueDeliveries>>[number], receiver: string) {
    try {
      const at = new Date();
      const result = await attemptDelivery(d, d.eventId, d.payload, { allowLocal: options.allowLocal, timeoutMs });
      const next = result.ok ? null : nextAttemptAt(d.createdAt, d.attempts + 1, new Date(), options.retryBaseMs);
      await settleDelivery(db, d.id, { ...result, at }, next);
    } catch (e) {
      logDetail('webhook delivery', e);
    } finally {
      inFlight.set(receiver, (inFlight.get(receiver) ?? 1) - 1);
      // A freed slot may let a waiting delivery of this receiver go now.
      if (!stopped) void poll();
    }
  }

  async function pollOnce(): Promise<void> {
    const db = await getDb();
    const now = new Date();
    const due = await dueDeliveries(db, options.network, now, 100);
    for (const d of due) {
      const receiver = receiverOf(d.url);
      if ((inFlight.get(receiver) ?? 0) >= perReceiver) continue;
      const claimed = await claimDelivery(db, d.id, now, new Date(now.getTime() + timeoutMs + 30_000));
      if (!claimed) continue;
      inFlight.set(receiver, (inFlight.get(receiver) ?? 0) + 1);
      const p = deliver(db, d, receiver);
      attempts.add(p);
      void p.finally(() => attempts.delete(p));
    }
  }

  /** One poll at a time; a request for another while one runs makes it run once more after. */
  function poll(): Promise<void> {
    if (stopped) return Promise.resolve();
    if (polling) {
      again = true;
      return polling;
    }
    polling = (async () => {
      do {
        again = false;
        try {
          await pollOnce();
        } catch (e) {
          logDetail('webhook poll', e);
        }
      } while (again && !stopped);
      polling = null;
    })();
    return polling;
  }

  const timer = setInterval(() => void poll(), options.pollMs ?? 1_000);
  timer.unref?.();
  const unsubscribe = onWebhookWake(() => setTimeout(() => void poll(), 20).unref?.());
  void poll();

  return {
    poll,
    idle: async () => {
      while (attempts.size > 0 || polling) await Promise.all([...attempts, polling]);
    },
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      unsubscribe();
      await Promise.all([...attempts, polling]);
    },
  };
}
