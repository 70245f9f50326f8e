/**
 * The webhook event types, one per contract event (lib/indexer/decode-event.ts), and the one
 * JSON body every delivery carries (Standard Webhooks' `{ type, timestamp, data }`).
 */
import { z } from 'zod';
import type { EscrowAction } from '@/lib/indexer/decode-event';

export const EVENT_TYPES = [
  'escrow.created',
  'escrow.funded',
  'escrow.status',
  'escrow.approved',
  'escrow.released',
  'escrow.disputed',
  'escrow.resolved',
  'escrow.withdrawn',
  'escrow.refunded',
  'escrow.updated',
] as const satisfies readonly `escrow.${EscrowAction}`[];
export type EventType = (typeof EVENT_TYPES)[number];

/** The event type of a contract event's action, or null for an action we do not publish. */
export function eventTypeOf(action: string): EventType | null {
  const type = `escrow.${action}`;
  return (EVENT_TYPES as readonly string[]).includes(type) ? (type as EventType) : null;
}

/** The body of every webhook: documented in the OpenAPI document's `webhooks` section. */
export const webhookPayload = z.object({
  type: z.enum(EVENT_TYPES),
  timestamp: z.string().describe('When the ledger with the event closed (ISO 8601)'),
  data: z.object({
    event_id: z.string().describe('The RPC’s event id; also the `webhook-id` header, for de-duplication'),
    network: z.string(),
    escrow_id: z.string().describe('The escrow’s contract id (C…)'),
    tx_hash: z.string(),
    ledger: z.number().int(),
    action: z.string().describe('The contract event’s action (the type without `escrow.`)'),
    event: z
      .unknown()
      .describe('The decoded event data as the timeline stores it: a positional list, amounts as decimal strings'),
  }),
});
export type WebhookPayload = z.infer<typeof webhookPayload>;

/** An event as the timeline stores it (the indexer's row, without its network). */
export interface StoredEvent {
  eventId: string;
  contractId: string;
  txHash: string;
  ledger: number;
  closedAt: Date;
  action: string;
  data: unknown;
}

/** The payload of one stored event. */
export function payloadOf(network: string, e: StoredEvent): WebhookPayload | null {
  const type = eventTypeOf(e.action);
  if (!type) return null;
  return {
    type,
    timestamp: e.closedAt.toISOString(),
    data: {
      event_id: e.eventId,
      network,
      escrow_id: e.contractId,
      tx_hash: e.txHash,
      ledger: e.ledger,
      action: e.action,
      event: e.data,
    },
  };
}
