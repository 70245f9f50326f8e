/**
 * The follower as a running service: it takes the follower lock (one follower per database),
 * syncs every few seconds, and can be nudged to sync now (the submit path does, so the read
 * model has our own transactions before the action returns). Its status says how far behind it is.
 */
import type { ReadModel } from '@/lib/db/client';
import type { NetworkConfig } from '@/lib/networks/config';
import { logDetail } from '@/lib/log';
import { tryFollowerLock, type FollowerLock } from './follower-lock';
import { networkKey, syncAll } from './follower';

export interface IndexerStatus {
  network: string;
  /** Whether this process holds the follower lock (another instance may be the follower). */
  following: boolean;
  cursorLedger: number | null;
  latestLedger: number | null;
  lagLedgers: number | null;
  /** Seconds since the read model was last level with the chain's latest ledger. */
  lagSeconds: number | null;
  lastSyncAt: string | null;
  lastError: string | null;
  lastGap: { from: number; to: number } | null;
}

export interface Runner {
  status(): IndexerStatus;
  /** Syncs now (after any sync under way) and resolves when the read model is level. */
  nudge(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts following `network` into `rm` every `intervalMs`; retries the lock while another holds it. */
export function startRunner(
  getReadModel: () => Promise<ReadModel>,
  getNetwork: () => Promise<NetworkConfig>,
  intervalMs = 2_000,
): Runner {
  let lock: FollowerLock | null = null;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  let levelAt: number | null = null;
  const s: IndexerStatus = {
    network: '',
    following: false,
    cursorLedger: null,
    latestLedger: null,
    lagLedgers: null,
    lagSeconds: null,
    lastSyncAt: null,
    lastError: null,
    lastGap: null,
  };

  async function once(): Promise<void> {
    if (stopped) return;
    try {
      const [rm, network] = await Promise.all([getReadModel(), getNetwork()]);
      s.network = networkKey(network);
      lock ??= await tryFollowerLock(rm, s.network);
      s.following = lock !== null;
      if (!lock) return;
      const r = await syncAll(rm, network);
      s.cursorLedger = r.ledger;
      s.latestLedger = r.latestLedger;
      s.lagLedgers = Math.max(0, r.latestLedger - r.ledger);
      if (s.lagLedgers === 0) levelAt = Date.now();
      s.lastSyncAt = new Date().toISOString();
      s.lastGap = r.gap ?? s.lastGap;
      if (r.reset)
        console.warn(
          `OpenEscrow: indexer: ${s.network} started over (cursor at ledger ${r.reset.cursorLedger}, chain at ${r.reset.latestLedger}): its read model was dropped and is rebuilt from the new chain`,
        );
      s.lastError = null;
    } catch (e) {
      // The status shows one sentence; the log gets the details (never the RPC URL to a page).
      // URLs are cut out: an RPC URL may carry a provider's key.
      s.lastError = e instanceof Error ? e.message.replace(/\w+:\/\/\S+/g, '<url>').slice(0, 200) : 'sync failed';
      logDetail('indexer sync', e);
    }
  }

  const queue = () => (running = running.then(once));
  const timer = setInterval(() => void queue(), intervalMs);
  timer.unref?.();
  void queue();

  return {
    status: () => ({
      ...s,
      lagSeconds: s.lagLedgers === 0 ? 0 : levelAt === null ? null : Math.round((Date.now() - levelAt) / 1000),
    }),
    nudge: () => queue(),
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
      await lock?.release();
      lock = null;
    },
  };
}
