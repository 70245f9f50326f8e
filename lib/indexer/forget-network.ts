/**
 * A network that started over (localnet's `--reset`, a testnet reset every few months) keeps its
 * name and passphrase but none of its contracts: the read model's rows for it describe a chain
 * that is gone. They are dropped in one transaction, with the cursor, so the follower starts
 * again from the new chain's oldest ledger. API keys, sessions and webhook subscriptions stay:
 * they belong to people, not to the chain.
 */
import { eq } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { escrows, events, funders, indexerCursors, memberships, milestones, payouts } from '@/lib/db/schema';

/** Deletes every read-model row of `network` (payouts before the events they point at). */
export async function forgetNetwork(db: Database, network: string): Promise<void> {
  await db.transaction(async (tx) => {
    for (const table of [payouts, events, milestones, memberships, funders, escrows, indexerCursors]) {
      await tx.delete(table).where(eq(table.network, network));
    }
  });
}
