/**
 * The app's one indexer: started once per server process (instrumentation.ts), reading into the
 * app's read model (PGlite under .data/ by default, DATABASE_URL for Postgres). Kept on
 * globalThis so that Next's module reloading in development never starts a second one.
 */
import { openReadModel, type ReadModel } from '@/lib/db/client';
import { getNetwork } from '@/lib/networks/server';
import { logDetail } from '@/lib/log';
import { startRunner, type IndexerStatus, type Runner } from './runner';
import { startWebhooks } from '@/lib/api/webhooks/start';

interface Shared {
  readModel?: Promise<ReadModel>;
  runner?: Runner;
}
const shared = globalThis as typeof globalThis & { __openescrowIndexer?: Shared };
const state = (shared.__openescrowIndexer ??= {});

/** The app's read model, opened (and migrated) once. */
export function appReadModel(): Promise<ReadModel> {
  // A failed open is not kept: the next caller tries again.
  state.readModel ??= openReadModel().catch((e: unknown) => {
    state.readModel = undefined;
    throw e;
  });
  return state.readModel;
}

/** Starts the follower in this process unless it runs already (or OPENESCROW_INDEXER=off). */
export function startAppIndexer(): void {
  if (state.runner || process.env.OPENESCROW_INDEXER === 'off') return;
  const interval = Number(process.env.OPENESCROW_INDEXER_INTERVAL_MS ?? 2_000);
  state.runner = startRunner(appReadModel, getNetwork, interval);
  void startWebhooks(async () => (await appReadModel()).db, getNetwork);
}

/**
 * The submit path's hand-off: after a transaction is final, bring the read model level with
 * the chain before answering, so the next page already sees it. Never fails the submit: a
 * read-model problem shows on the status page, not as a failed transaction.
 */
export async function handOffToIndexer(): Promise<void> {
  if (!state.runner) return;
  try {
    await Promise.race([state.runner.nudge(), new Promise((r) => setTimeout(r, 5_000))]);
  } catch (e) {
    logDetail('indexer hand-off', e);
  }
}

/** The follower's status, or null when no indexer runs in this process. */
export function appIndexerStatus(): IndexerStatus | null {
  return state.runner?.status() ?? null;
}
