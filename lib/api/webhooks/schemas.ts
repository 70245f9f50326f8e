/**
 * The webhook endpoints' response shapes (the OpenAPI document is generated from them) and the
 * functions that turn stored rows into them.
 */
import { z } from 'zod';
import { ATTEMPTS_KEPT } from '@/lib/db/schema';
import { EVENT_TYPES } from './event-types';
import type { DeliveryInfo } from './deliveries';
import type { SubscriptionInfo } from './subscriptions';

const when = z.string().describe('ISO 8601');

export const subscriptionJson = z.object({
  id: z.string(),
  key_id: z.string().describe('The API key the subscription belongs to'),
  url: z.string(),
  event_types: z.array(z.enum(EVENT_TYPES)),
  escrow_ids: z.array(z.string()).nullable().describe('Only these escrows; null for every escrow of the key’s owner'),
  created_at: when,
});
export const createdSubscriptionJson = subscriptionJson.extend({
  secret: z.string().describe('The signing secret (whsec_…), shown this once: verify each delivery with it'),
});
export const subscriptionList = z.object({ data: z.array(subscriptionJson) });

export const attemptJson = z.object({
  number: z.number().int().describe('1 for the first attempt'),
  at: when,
  status_code: z.number().int().nullable().describe('The receiver’s HTTP status; null when it gave none'),
  latency_ms: z.number().int(),
  error: z
    .string()
    .nullable()
    .describe('Why the attempt failed (timeout, connection refused, HTTP 503…); null for a 2xx'),
});

export const deliveryJson = z.object({
  id: z.string(),
  subscription_id: z.string(),
  event_id: z.string().describe('Sent as the `webhook-id` header'),
  escrow_id: z.string(),
  event_type: z.enum(EVENT_TYPES),
  status: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.number().int(),
  next_attempt_at: when.nullable(),
  last_attempt_at: when.nullable(),
  last_status_code: z.number().int().nullable(),
  last_latency_ms: z.number().int().nullable(),
  last_error: z.string().nullable(),
  created_at: when,
  delivered_at: when.nullable(),
  attempt_log: z
    .array(attemptJson)
    .describe(`The newest attempts (at most ${ATTEMPTS_KEPT}), newest first; \`attempts\` counts them all`),
});
export const deliveryList = z.object({ data: z.array(deliveryJson) });

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function subscriptionOut(s: SubscriptionInfo): z.infer<typeof subscriptionJson> {
  return {
    id: s.id,
    key_id: s.keyId,
    url: s.url,
    event_types: s.eventTypes,
    escrow_ids: s.escrowIds,
    created_at: s.createdAt.toISOString(),
  };
}

export function deliveryOut(d: DeliveryInfo): z.infer<typeof deliveryJson> {
  return {
    id: d.id,
    subscription_id: d.subscriptionId,
    event_id: d.eventId,
    escrow_id: d.escrowId,
    event_type: d.eventType as z.infer<typeof deliveryJson>['event_type'],
    status: d.status,
    attempts: d.attempts,
    next_attempt_at: iso(d.nextAttemptAt),
    last_attempt_at: iso(d.lastAttemptAt),
    last_status_code: d.lastStatusCode,
    last_latency_ms: d.lastLatencyMs,
    last_error: d.lastError,
    created_at: d.createdAt.toISOString(),
    delivered_at: iso(d.deliveredAt),
    attempt_log: d.attemptLog.map((a) => ({
      number: a.number,
      at: a.at.toISOString(),
      status_code: a.statusCode,
      latency_ms: a.latencyMs,
      error: a.error,
    })),
  };
}
