/**
 * The indexer's hook: for the events a batch newly stored, one delivery row per matching
 * subscription, in the batch's transaction. Only new events come here and (subscription, event)
 * is unique, so a replayed batch enqueues nothing twice. "Every escrow of the owner" is decided
 * by the owner's roles before and after the batch, so an update that removes the owner's role
 * is still sent to that owner.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import type { Database } from '@/lib/db/client';
import { apiKeys, memberships, webhookDeliveries, webhookSubscriptions } from '@/lib/db/schema';
import { payloadOf, type StoredEvent } from './event-types';
import { wakeWebhookWorker } from './wake';

type Writer = Pick<Database, 'select' | 'insert'>;

/** How the batch changed its escrows' memberships: which escrows it replaced, and who held a role in them before. */
export interface MembershipChange {
  replaced: ReadonlySet<string>;
  /** Roles held before the batch in the replaced escrows (at least every subscription owner's). */
  formerRoles: { address: string; contractId: string }[];
}

/**
 * Whether an owner who held a role in an escrow before the batch (`before`) or after it (`after`)
 * is sent its event at `index`. Roles change only at a `created` or `updated` event, so an owner
 * who lost the role is sent the events up to the last such event of the batch (the update that
 * removed it included), and one who gained it the events from the first on. With several updates
 * in one batch the roles between them are unknown: the owner is then sent the events in between.
 */
export function ownerIsSent(
  before: boolean,
  after: boolean,
  index: number,
  changes: { first: number; last: number } | undefined,
): boolean {
  if (before && after) return true;
  if (!before && !after) return false;
  if (!changes) return true;
  return before ? index <= changes.last : index >= changes.first;
}

/**
 * Enqueues deliveries of `events` (newly stored on `network`, in chain order); returns how many.
 * Call after memberships are written, with what the write replaced.
 */
export async function enqueueDeliveries(
  tx: Writer,
  network: string,
  events: StoredEvent[],
  change: MembershipChange = { replaced: new Set(), formerRoles: [] },
): Promise<number> {
  if (events.length === 0) return 0;
  const subs = await tx
    .select({ s: webhookSubscriptions })
    .from(webhookSubscriptions)
    .innerJoin(apiKeys, eq(apiKeys.id, webhookSubscriptions.keyId))
    .where(and(eq(webhookSubscriptions.network, network), isNull(apiKeys.revokedAt)));
  if (subs.length === 0) return 0;

  // Which owners hold a role in which of the batch's escrows ("all escrows of the key's owner"),
  // now and before the batch.
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
  const former = new Set(change.formerRoles.map((r) => `${r.address}/${r.contractId}`));
  const heldBefore = (owner: string, contractId: string) =>
    change.replaced.has(contractId) ? former.has(`${owner}/${contractId}`) : roles.has(`${owner}/${contractId}`);
  // Per escrow, the first and last event of the batch that may have changed its roles.
  const roleChanges = new Map<string, { first: number; last: number }>();
  events.forEach((e, i) => {
    if (e.action !== 'created' && e.action !== 'updated') return;
    const c = roleChanges.get(e.contractId);
    roleChanges.set(e.contractId, { first: c?.first ?? i, last: i });
  });

  const now = new Date();
  const rows: (typeof webhookDeliveries.$inferInsert)[] = [];
  events.forEach((e, index) => {
    const payload = payloadOf(network, e);
    if (!payload) return;
    for (const { s } of subs) {
      if (!s.eventTypes.includes(payload.type)) continue;
      const wanted = s.escrowIds
        ? s.escrowIds.includes(e.contractId)
        : ownerIsSent(
            heldBefore(s.owner, e.contractId),
            roles.has(`${s.owner}/${e.contractId}`),
            index,
            roleChanges.get(e.contractId),
          );
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
  });
  for (let i = 0; i < rows.length; i += 500) {
    await tx
      .insert(webhookDeliveries)
      .values(rows.slice(i, i + 500))
      .onConflictDoNothing();
  }
  if (rows.length > 0) wakeWebhookWorker();
  return rows.length;
}
