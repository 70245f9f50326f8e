/**
 * Starts the webhook worker for the network the process runs on, beside the indexer (in the app
 * and in `npm run indexer`). OPENESCROW_WEBHOOKS=off leaves delivery to another process.
 */
import type { Database } from '@/lib/db/client';
import type { NetworkConfig } from '@/lib/networks/config';
import { logDetail } from '@/lib/log';
import { retryBaseMs } from './backoff';
import { startWebhookWorker, type WebhookWorker } from './worker';

/** The running worker, or null when webhooks are off. Resolves once the network is known. */
export async function startWebhooks(
  getDb: () => Promise<Database>,
  getNetwork: () => Promise<NetworkConfig>,
): Promise<WebhookWorker | null> {
  if (process.env.OPENESCROW_WEBHOOKS === 'off') return null;
  try {
    const network = await getNetwork();
    return startWebhookWorker(getDb, {
      network: network.name,
      allowLocal: network.name === 'local',
      retryBaseMs: retryBaseMs(network.name),
      pollMs: Number(process.env.OPENESCROW_WEBHOOK_POLL_MS ?? 1_000) || 1_000,
    });
  } catch (e) {
    logDetail('webhook worker start', e);
    return null;
  }
}
