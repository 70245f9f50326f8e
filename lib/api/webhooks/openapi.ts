/**
 * The webhooks' part of the OpenAPI document: the subscription endpoints (scope `webhooks`) and
 * OpenAPI 3.1's `webhooks` section, which documents the one body every delivery carries.
 */
import { jsonSchema, problemResponses } from '../openapi-parts';
import { createSubscriptionSchema } from './subscriptions';
import { EVENT_TYPES, webhookPayload } from './event-types';
import { createdSubscriptionJson, deliveryJson, deliveryList, subscriptionList } from './schemas';

const schema = jsonSchema;
/** The success, and the problems this operation may answer besides 401, 403, 429 and 500. */
const ok = (description: string, s: object, errors: number[]) => ({
  '200': { description, content: { 'application/json': { schema: s } } },
  ...problemResponses(errors),
});
const id = (name: string, description: string) => ({
  name,
  in: 'path',
  required: true,
  description,
  schema: { type: 'string', pattern: '^[0-9a-f]{24}$' },
});
const subscriptionId = id('id', 'The subscription’s id');

/** The subscription endpoints' operations. */
export function webhookPaths() {
  return {
    '/webhooks': {
      get: {
        operationId: 'listWebhooks',
        summary: 'This key’s webhook subscriptions (scope: webhooks)',
        'x-scope': 'webhooks',
        responses: ok('The subscriptions', schema(subscriptionList), []),
      },
      post: {
        operationId: 'createWebhook',
        summary:
          'Subscribe a URL to escrow events: of every escrow where the key’s owner holds a role, or of the listed ones (scope: webhooks). The answer carries the signing secret, once.',
        requestBody: {
          required: true,
          content: { 'application/json': { schema: schema(createSubscriptionSchema(false), 'input') } },
        },
        'x-scope': 'webhooks',
        responses: ok('The subscription, with its secret', schema(createdSubscriptionJson), [400, 409, 413, 422]),
      },
    },
    '/webhooks/{id}': {
      delete: {
        operationId: 'deleteWebhook',
        summary: 'Delete a subscription and its delivery log (scope: webhooks)',
        parameters: [subscriptionId],
        'x-scope': 'webhooks',
        responses: ok(
          'Deleted',
          {
            type: 'object',
            properties: { id: { type: 'string' }, deleted: { type: 'boolean' } },
            required: ['id', 'deleted'],
          },
          [400, 404],
        ),
      },
    },
    '/webhooks/{id}/deliveries': {
      get: {
        operationId: 'listWebhookDeliveries',
        summary:
          'A subscription’s delivery log, newest first: each delivery’s status, next try and its last attempts (when, status code or error, latency) (scope: webhooks)',
        parameters: [
          subscriptionId,
          { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 200 } },
        ],
        'x-scope': 'webhooks',
        responses: ok('The deliveries', schema(deliveryList), [400, 404]),
      },
    },
    '/webhooks/{id}/deliveries/{delivery}/resend': {
      post: {
        operationId: 'resendWebhookDelivery',
        summary: 'Send a delivery again now, with the same webhook-id (scope: webhooks)',
        parameters: [subscriptionId, id('delivery', 'The delivery’s id')],
        'x-scope': 'webhooks',
        responses: ok('The delivery, due now', schema(deliveryJson), [400, 404]),
      },
    },
  };
}

/** OpenAPI 3.1 `webhooks`: one entry per event type, all with the same body and signature headers. */
export function webhookEvents() {
  const headers = [
    ['webhook-id', 'The event id: the same on every attempt; drop a repeat'],
    ['webhook-timestamp', 'Seconds since the epoch when this attempt was signed'],
    [
      'webhook-signature',
      '`v1,` and the base64 HMAC-SHA256 of `id.timestamp.body` with the secret (Standard Webhooks)',
    ],
  ].map(([name, description]) => ({ name, in: 'header', required: true, description, schema: { type: 'string' } }));
  return Object.fromEntries(
    EVENT_TYPES.map((type) => [
      type,
      {
        post: {
          operationId: `webhook_${type.replace('.', '_')}`,
          summary: `Sent when a contract emits \`${type.slice('escrow.'.length)}\` for an escrow you subscribed to`,
          parameters: headers,
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/WebhookPayload' } } },
          },
          responses: {
            '2XX': {
              description: 'Received; any other answer, or none within 10 s, is retried with backoff for a day',
            },
          },
        },
      },
    ]),
  );
}

export const webhookPayloadSchema = () => schema(webhookPayload);
