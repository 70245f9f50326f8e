/**
 * The escrow page's timeline: the full history from the read model once it has the escrow,
 * else the RPC's recent events with a note that says so (a brand-new escrow the follower has
 * not reached, or a server running without the read model).
 */
import { and, eq } from 'drizzle-orm';
import { escrows } from '@/lib/db/schema';
import type { Database } from '@/lib/db/client';
import { escrowTimeline } from '@/lib/db/queries/timeline';
import type { NetworkConfig } from '@/lib/networks/config';
import { readEscrowEvents, type EscrowEvent } from '@/lib/stellar/rpc';
import { logDetail } from '@/lib/log';

export interface LoadedTimeline {
  events: EscrowEvent[];
  /** A sentence for the reader when the list is not the read model's full history. */
  note?: string;
  error?: string;
}

/** Every event of `contractId` in the read model, oldest first, or null when it has not seen the escrow. */
export async function storedTimeline(db: Database, network: string, contractId: string): Promise<EscrowEvent[] | null> {
  const [known] = await db
    .select({ id: escrows.contractId })
    .from(escrows)
    .where(and(eq(escrows.network, network), eq(escrows.contractId, contractId)));
  if (!known) return null;
  const out: EscrowEvent[] = [];
  let cursor: string | null = null;
  do {
    const page = await escrowTimeline(db, network, contractId, { limit: 1000, cursor });
    for (const e of page.events)
      out.push({
        id: e.eventId,
        action: e.action,
        ledger: e.ledger,
        closedAt: e.closedAt.toISOString(),
        txHash: e.txHash,
        data: JSON.stringify(e.data),
      });
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

/** The timeline for the escrow page: read model first, RPC as the fallback that says so. */
export async function loadTimeline(
  db: Database | null,
  network: NetworkConfig,
  contractId: string,
): Promise<LoadedTimeline> {
  if (db) {
    try {
      const stored = await storedTimeline(db, network.name, contractId);
      if (stored) return { events: stored };
    } catch (e) {
      logDetail(`read model timeline of ${contractId}`, e);
    }
  }
  try {
    return {
      events: await readEscrowEvents(network, contractId),
      note: 'The read model has not indexed this escrow yet: these are the network’s recent events only.',
    };
  } catch (e) {
    logDetail(`events of ${contractId}`, e);
    return { events: [], error: 'the network’s RPC did not answer' };
  }
}
