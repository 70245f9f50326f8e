/**
 * The indexer's hook: for the events a batch newly stored, one delivery row per matching
 * subscription, in the batch's transaction. Only new events come here and (subscription, event)
 * is unique, so a replayed batch enqueues nothing twice.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import type { Database } from '@/lib/db/client';
import { apiKeys, memberships, webhookDeliveries, webhookSubscriptions } from '@/lib/db/schema';
import { payloadOf } from './event-types';
import { wakeWebhookWorker } from './wake';

type Writer = Pick<Database, 'select' | 'insert'>;

interface StoredEvent {
  eventId: string;
  contractId: string;
  txHash: string;
  ledger: number;
  closedAt: Date;
  action: string;
  data: unknown;
}

/** Enqueues deliveries of `events` (newly stored on `network`); returns how many. Call after memberships are written. */
export async function enqueueDeliveries(tx: Writer, network: string, events: StoredEvent[]): Promise<number> {
  if (events.length === 0) return 0;
  const subs = await tx
    .select({ s: webhookSubscriptions })
    .from(webhookSubscriptions)
    .innerJoin(apiKeys, eq(apiKeys.id, webhookSubscriptions.keyId))
    .where(and(eq(webhookSubscriptions.network, network), isNull(apiKeys.revokedAt)));
  if (subs.length === 0) return 0;

  // Which owners hold a role in which of the batch's escrows ("all escrows of the key's owner").
  const contracts = [...new Set(events.map((e) => e.contractId))];
  const owners = [...new Set(subs.filter((r) => !r.s.escrowIds).map((r) => r.s.owner))];
  const roles = new Set<string>();
  if (owners.length > 0) {
    const rows = await tx
      .select({ address: memberships.address, contractId: memberships.contractId })
      .from(memberships)
      .where(
        and(
          eq(memberships.network, network),
          inArray(memberships.contractId, contracts),
          inArray(memberships.address, owners),
        ),
      );
    for (const r of rows) roles.add(`${r.address}/${r.contractId}`);
  }

  const now = new Date();
  const rows: (typeof webhookDeliveries.$inferInsert)[] = [];
  for (const e of events) {
    const payload = payloadOf(network, e);
    if (!payload) continue;
    for (const { s } of subs) {
      if (!s.eventTypes.includes(payload.type)) continue;
      const wanted = s.escrowIds ? s.escrowIds.includes(e.contractId) : roles.has(`${s.owner}/${e.contractId}`);
      if (!wanted) continue;
      rows.push({
        id: randomBytes(12).toString('hex'),
        subscriptionId: s.id,
        network,
        eventId: e.eventId,
        contractId: e.contractId,
        eventType: payload.type,
        payload,
        status: 'pending',
        attempts: 0,
        nextAttemptAt: now,
        createdAt: now,
      });
    }
  }
  for (let i = 0; i < rows.length; i += 500) {
    await tx
      .insert(webhookDeliveries)
      .values(rows.slice(i, i + 500))
      .onConflictDoNothing();
  }
  if (rows.length > 0) wakeWebhookWorker();
  return rows.length;
}
