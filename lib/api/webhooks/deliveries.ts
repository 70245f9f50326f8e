/**
 * The delivery log of a subscription and "send again". Rows are claimed and settled by the
 * worker (worker.ts); here they are read and re-queued.
 */
import { and, asc, desc, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { apiKeys, ATTEMPTS_KEPT, webhookAttempts, webhookDeliveries, webhookSubscriptions } from '@/lib/db/schema';
import type { SubscriptionScope } from './subscriptions';

export const DELIVERY_ID = /^[0-9a-f]{24}$/;

/** One logged attempt of a delivery. */
export interface AttemptInfo {
  number: number;
  at: Date;
  statusCode: number | null;
  latencyMs: number;
  error: string | null;
}

export interface DeliveryInfo {
  id: string;
  subscriptionId: string;
  eventId: string;
  escrowId: string;
  eventType: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  nextAttemptAt: Date | null;
  lastAttemptAt: Date | null;
  lastStatusCode: number | null;
  lastLatencyMs: number | null;
  lastError: string | null;
  createdAt: Date;
  deliveredAt: Date | null;
  /** The newest attempts (at most ATTEMPTS_KEPT), newest first. */
  attemptLog: AttemptInfo[];
}

const info = (r: typeof webhookDeliveries.$inferSelect, attemptLog: AttemptInfo[] = []): DeliveryInfo => ({
  id: r.id,
  subscriptionId: r.subscriptionId,
  eventId: r.eventId,
  escrowId: r.contractId,
  eventType: r.eventType,
  status: r.status,
  attempts: r.attempts,
  nextAttemptAt: r.nextAttemptAt,
  lastAttemptAt: r.lastAttemptAt,
  lastStatusCode: r.lastStatusCode,
  lastLatencyMs: r.lastLatencyMs,
  lastError: r.lastError,
  createdAt: r.createdAt,
  deliveredAt: r.deliveredAt,
  attemptLog,
});

/** The logged attempts of `ids`, each delivery's newest first. */
async function attemptLogs(db: Database, ids: string[]): Promise<Map<string, AttemptInfo[]>> {
  const logs = new Map<string, AttemptInfo[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return logs;
  const rows = await db
    .select()
    .from(webhookAttempts)
    .where(inArray(webhookAttempts.deliveryId, ids))
    .orderBy(asc(webhookAttempts.deliveryId), desc(webhookAttempts.number));
  for (const r of rows)
    logs.get(r.deliveryId)?.push({
      number: r.number,
      at: r.attemptedAt,
      statusCode: r.statusCode,
      latencyMs: r.latencyMs,
      error: r.error,
    });
  return logs;
}

function scopeCondition(scope: SubscriptionScope) {
  return 'keyId' in scope ? eq(webhookSubscriptions.keyId, scope.keyId) : eq(webhookSubscriptions.owner, scope.owner);
}

/** A subscription's deliveries, newest first (at most `limit`). */
export async function listDeliveries(
  db: Database,
  scope: SubscriptionScope,
  subscriptionId: string,
  limit = 50,
): Promise<DeliveryInfo[]> {
  const rows = await db
    .select({ d: webhookDeliveries })
    .from(webhookDeliveries)
    .innerJoin(webhookSubscriptions, eq(webhookSubscriptions.id, webhookDeliveries.subscriptionId))
    .where(and(eq(webhookDeliveries.subscriptionId, subscriptionId), scopeCondition(scope)))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.eventId))
    .limit(limit);
  const logs = await attemptLogs(
    db,
    rows.map((r) => r.d.id),
  );
  return rows.map((r) => info(r.d, logs.get(r.d.id)));
}

/**
 * "Send again": the delivery is due now, whatever its state (a delivered one is sent once more,
 * with the same webhook-id). Null when it is not in `scope`.
 */
export async function resendDelivery(
  db: Database,
  scope: SubscriptionScope,
  subscriptionId: string,
  id: string,
): Promise<DeliveryInfo | null> {
  if (!DELIVERY_ID.test(id)) return null;
  const [owned] = await db
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .innerJoin(webhookSubscriptions, eq(webhookSubscriptions.id, webhookDeliveries.subscriptionId))
    .where(
      and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.subscriptionId, subscriptionId), scopeCondition(scope)),
    );
  if (!owned) return null;
  const [row] = await db
    .update(webhookDeliveries)
    .set({ status: 'pending', nextAttemptAt: new Date(), lockedUntil: null })
    .where(eq(webhookDeliveries.id, id))
    .returning();
  return row ? info(row, (await attemptLogs(db, [row.id])).get(row.id)) : null;
}

/** Deliveries due now on `network` (unclaimed or with a lapsed claim) of live keys, oldest first, with their target. */
export async function dueDeliveries(db: Database, network: string, now: Date, limit: number) {
  return db
    .select({
      id: webhookDeliveries.id,
      eventId: webhookDeliveries.eventId,
      payload: webhookDeliveries.payload,
      attempts: webhookDeliveries.attempts,
      createdAt: webhookDeliveries.createdAt,
      url: webhookSubscriptions.url,
      secret: webhookSubscriptions.secret,
    })
    .from(webhookDeliveries)
    .innerJoin(webhookSubscriptions, eq(webhookSubscriptions.id, webhookDeliveries.subscriptionId))
    .innerJoin(apiKeys, eq(apiKeys.id, webhookSubscriptions.keyId))
    .where(
      and(
        eq(webhookDeliveries.status, 'pending'),
        isNull(apiKeys.revokedAt),
        eq(webhookDeliveries.network, network),
        lte(webhookDeliveries.nextAttemptAt, now),
        or(isNull(webhookDeliveries.lockedUntil), lt(webhookDeliveries.lockedUntil, now)),
      ),
    )
    .orderBy(webhookDeliveries.nextAttemptAt)
    .limit(limit);
}

/** Claims a due delivery until `until`; false when another worker got it first. */
export async function claimDelivery(db: Database, id: string, now: Date, until: Date): Promise<boolean> {
  const rows = await db
    .update(webhookDeliveries)
    .set({ lockedUntil: until })
    .where(
      and(
        eq(webhookDeliveries.id, id),
        eq(webhookDeliveries.status, 'pending'),
        or(isNull(webhookDeliveries.lockedUntil), lt(webhookDeliveries.lockedUntil, now)),
      ),
    )
    .returning({ id: webhookDeliveries.id });
  return rows.length > 0;
}

/**
 * Records an attempt: delivered, due again at `next`, or failed (next null after a failure); the
 * attempt joins the delivery's log, which keeps only its newest ATTEMPTS_KEPT.
 */
export async function settleDelivery(
  db: Database,
  id: string,
  attempt: { ok: boolean; statusCode: number | null; latencyMs: number; error: string | null; at: Date },
  next: Date | null,
): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(webhookDeliveries)
      .set({
        status: attempt.ok ? 'delivered' : next ? 'pending' : 'failed',
        attempts: sql`${webhookDeliveries.attempts} + 1`,
        nextAttemptAt: attempt.ok ? null : next,
        lockedUntil: null,
        lastAttemptAt: attempt.at,
        lastStatusCode: attempt.statusCode,
        lastLatencyMs: attempt.latencyMs,
        lastError: attempt.error,
        deliveredAt: attempt.ok ? attempt.at : null,
      })
      .where(eq(webhookDeliveries.id, id))
      .returning({ attempts: webhookDeliveries.attempts });
    // Deleted meanwhile (its subscription was): nothing to log.
    if (!row) return;
    await tx.insert(webhookAttempts).values({
      deliveryId: id,
      number: row.attempts,
      attemptedAt: attempt.at,
      statusCode: attempt.statusCode,
      latencyMs: Math.max(0, Math.round(attempt.latencyMs)),
      error: attempt.ok ? null : (attempt.error || `HTTP ${attempt.statusCode}`).slice(0, 500),
    });
    await tx
      .delete(webhookAttempts)
      .where(and(eq(webhookAttempts.deliveryId, id), lte(webhookAttempts.number, row.attempts - ATTEMPTS_KEPT)));
  });
}
