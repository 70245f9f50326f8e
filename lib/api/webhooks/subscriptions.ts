/**
 * Webhook subscriptions of one API key: checked before they are stored (the URL, the event
 * types, the escrow ids), bounded per key, with a signing secret shown once.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Database } from '@/lib/db/client';
import { apiKeys, webhookSubscriptions } from '@/lib/db/schema';
import { contractId } from '@/lib/schemas/fields';
import { EVENT_TYPES, type EventType } from './event-types';
import { webhookUrlProblem } from './url-check';

/** At most this many subscriptions per API key. */
export const MAX_SUBSCRIPTIONS_PER_KEY = 10;
export const SUBSCRIPTION_ID = /^[0-9a-f]{24}$/;

/** The create body; `allowLocal` decides whether http://127.0.0.1 is a valid target. */
export function createSubscriptionSchema(allowLocal: boolean) {
  return z.object({
    url: z
      .string()
      .trim()
      .max(2000, 'At most 2000 characters')
      .superRefine((v, ctx) => {
        const problem = webhookUrlProblem(v, allowLocal);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
    event_types: z
      .array(z.enum(EVENT_TYPES))
      .min(1, 'Choose at least one event type')
      .max(EVENT_TYPES.length)
      .default([...EVENT_TYPES]),
    escrow_ids: z
      .array(contractId)
      .min(1, 'Give at least one escrow id, or leave the list out for all your escrows')
      .max(100, 'At most 100 escrows')
      .nullish()
      .transform((v) => (v ? [...new Set(v)] : null)),
  });
}
export type CreateSubscriptionInput = z.infer<ReturnType<typeof createSubscriptionSchema>>;

export interface SubscriptionInfo {
  id: string;
  keyId: string;
  url: string;
  eventTypes: EventType[];
  escrowIds: string[] | null;
  createdAt: Date;
}

const info = (r: typeof webhookSubscriptions.$inferSelect): SubscriptionInfo => ({
  id: r.id,
  keyId: r.keyId,
  url: r.url,
  eventTypes: r.eventTypes as EventType[],
  escrowIds: r.escrowIds,
  createdAt: r.createdAt,
});

/** A new signing secret: `whsec_` and 24 random bytes in base64 (what the standardwebhooks package reads). */
export function newSecret(): string {
  return `whsec_${randomBytes(24).toString('base64')}`;
}

/**
 * Subscribes `keyId` (owned by `owner`) on `network`. The secret is returned once and kept only
 * to sign with. Null when the key has too many subscriptions already.
 */
export async function createSubscription(
  db: Database,
  key: { keyId: string; owner: string },
  network: string,
  input: CreateSubscriptionInput,
): Promise<{ secret: string; info: SubscriptionInfo } | null> {
  const [counted] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(webhookSubscriptions)
    .where(eq(webhookSubscriptions.keyId, key.keyId));
  if ((counted?.n ?? 0) >= MAX_SUBSCRIPTIONS_PER_KEY) return null;
  const secret = newSecret();
  const [row] = await db
    .insert(webhookSubscriptions)
    .values({
      id: randomBytes(12).toString('hex'),
      keyId: key.keyId,
      owner: key.owner,
      network,
      url: input.url,
      eventTypes: [...new Set(input.event_types)],
      escrowIds: input.escrow_ids,
      secret,
      createdAt: new Date(),
    })
    .returning();
  return { secret, info: info(row!) };
}

/** Whose subscriptions a caller may see: one key's (the API) or all of an owner's keys' (settings). */
export type SubscriptionScope = { keyId: string } | { owner: string };

function whereScope(scope: SubscriptionScope) {
  return 'keyId' in scope ? eq(webhookSubscriptions.keyId, scope.keyId) : eq(webhookSubscriptions.owner, scope.owner);
}

/** The subscriptions in `scope` whose key is live, oldest first. */
export async function listSubscriptions(db: Database, scope: SubscriptionScope): Promise<SubscriptionInfo[]> {
  const rows = await db
    .select({ s: webhookSubscriptions })
    .from(webhookSubscriptions)
    .innerJoin(apiKeys, eq(apiKeys.id, webhookSubscriptions.keyId))
    .where(and(whereScope(scope), sql`${apiKeys.revokedAt} is null`))
    .orderBy(asc(webhookSubscriptions.createdAt));
  return rows.map((r) => info(r.s));
}

/** The subscription `id` if it is in `scope`, else null. */
export async function findSubscription(
  db: Database,
  scope: SubscriptionScope,
  id: string,
): Promise<SubscriptionInfo | null> {
  if (!SUBSCRIPTION_ID.test(id)) return null;
  const [row] = await db
    .select()
    .from(webhookSubscriptions)
    .where(and(eq(webhookSubscriptions.id, id), whereScope(scope)));
  return row ? info(row) : null;
}

/** Deletes a subscription in `scope` (its deliveries go with it); false when there is none. */
export async function deleteSubscription(db: Database, scope: SubscriptionScope, id: string): Promise<boolean> {
  if (!SUBSCRIPTION_ID.test(id)) return false;
  const rows = await db
    .delete(webhookSubscriptions)
    .where(and(eq(webhookSubscriptions.id, id), whereScope(scope)))
    .returning({ id: webhookSubscriptions.id });
  return rows.length > 0;
}
