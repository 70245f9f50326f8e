/**
 * The OpenAPI 3.1 document of the API-key endpoints, generated from the same zod schemas the
 * handlers parse with (zod 4's JSON Schema output). `lib/api/openapi.json` is its committed copy:
 * a unit test fails when they differ, so a change to the API is a visible diff.
 */
import { z } from 'zod';
import { pendingSignatureBody, pendingStartBody, pendingSubmitBody, pendingView } from './endpoints/pending';
import { stepRoutes } from './endpoints/steps';
import { escrowListPage, listEscrowsQuery, problemDocument, submitBody, submitResult, tokenList } from './schemas';

const schema = (s: z.ZodType, io: 'input' | 'output' = 'output') => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(s, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
};

const problems = {
  default: {
    description: 'An error (RFC 9457), with a stable `code`',
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
  },
};
const ok = (description: string, s: object) => ({
  '200': { description, content: { 'application/json': { schema: s } } },
  ...problems,
});
const escrowId = {
  name: 'id',
  in: 'path',
  required: true,
  description: 'The escrow’s contract id (C…)',
  schema: { type: 'string', pattern: '^C[A-Z2-7]{55}$' },
};
const idempotencyKey = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description: 'Replays the stored response of the same request for 24 hours',
  schema: { type: 'string', minLength: 1, maxLength: 255 },
};

function queryParameters(s: z.ZodObject) {
  const json = schema(s, 'input') as { properties: Record<string, object>; required?: string[] };
  return Object.entries(json.properties).map(([name, p]) => ({
    name,
    in: 'query',
    required: json.required?.includes(name) ?? false,
    schema: p,
  }));
}

const milestoneIndex = {
  name: 'index',
  in: 'path',
  required: true,
  description: 'The milestone, from 0',
  schema: { type: 'integer', minimum: 0 },
};
const prepared = {
  type: 'object',
  properties: {
    xdr: { type: 'string', description: 'The unsigned transaction, base64 XDR: sign it with the source’s key' },
    ticket: { type: 'string', description: 'Send it back with the signed XDR to POST /transactions' },
    hash: { type: 'string' },
    summary: { type: 'array', items: { type: 'string' }, description: 'What the transaction will do, in sentences' },
    fee: { type: 'string', description: 'The most the source pays, in XLM' },
    fee_stroops: { type: 'string' },
    other_signers: { type: 'array', items: { type: 'string' } },
    auth_valid_until_ledger: { type: 'integer' },
    network_passphrase: { type: 'string' },
  },
  required: [
    'xdr',
    'ticket',
    'hash',
    'summary',
    'fee',
    'fee_stroops',
    'other_signers',
    'auth_valid_until_ledger',
    'network_passphrase',
  ],
};

/** One operation per step of the registry. */
function stepPaths(): Record<string, Record<string, object>> {
  const out: Record<string, Record<string, object>> = {};
  for (const { def, method, path } of stepRoutes()) {
    (out[path] ??= {})[method] = {
      operationId: def.name,
      summary: `${def.label} (scope: prepare): calls \`${def.contractFn}\`; answers the unsigned transaction`,
      parameters: [
        escrowId,
        ...(def.perMilestone ? [milestoneIndex] : []),
        ...(method === 'post' ? [idempotencyKey] : []),
      ],
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              properties: { source: { type: 'string' }, input: { type: 'object' } },
              required: ['source'],
            },
          },
        },
      },
      responses: ok('The transaction to sign', prepared),
    };
  }
  return out;
}

const pendingId = {
  name: 'pendingId',
  in: 'path',
  required: true,
  description: 'The pending release’s id (24 hex characters)',
  schema: { type: 'string', pattern: '^[0-9a-f]{24}$' },
};
const jsonBody = (s: z.ZodType) => ({
  required: true,
  content: { 'application/json': { schema: schema(s, 'input') } },
});

/** Pending multi-signer releases: start, read, add a signature, prepare the submit. */
function pendingPaths(): Record<string, Record<string, object>> {
  const view = schema(pendingView);
  const start = (perMilestone: boolean) => ({
    post: {
      operationId: perMilestone ? 'startPendingMilestoneRelease' : 'startPendingRelease',
      summary: `Start a ${perMilestone ? 'milestone’s ' : ''}release whose signers sign from their own keys (scope: prepare): answers each signer’s unsigned authorisation entry`,
      parameters: [escrowId, ...(perMilestone ? [milestoneIndex] : []), idempotencyKey],
      requestBody: jsonBody(pendingStartBody),
      responses: ok('The pending release', view),
    },
  });
  return {
    '/escrows/{id}/pending-releases': start(false),
    '/escrows/{id}/milestones/{index}/pending-releases': start(true),
    '/pending/{pendingId}': {
      get: {
        operationId: 'getPendingRelease',
        summary: 'A pending release: its entries, who has signed, when it ends (scope: read)',
        parameters: [pendingId],
        responses: ok('The pending release', view),
      },
    },
    '/pending/{pendingId}/signatures': {
      post: {
        operationId: 'addPendingSignature',
        summary:
          'Add one signer’s signed authorisation entry (scope: prepare): verified before it is stored; a signed slot is never replaced',
        parameters: [pendingId, idempotencyKey],
        requestBody: jsonBody(pendingSignatureBody),
        responses: ok('The pending release', view),
      },
    },
    '/pending/{pendingId}/submit': {
      post: {
        operationId: 'preparePendingSubmit',
        summary:
          'Once every signer has signed: the transaction carrying all entries, to sign and POST to /transactions (scope: prepare)',
        parameters: [pendingId, idempotencyKey],
        requestBody: jsonBody(pendingSubmitBody),
        responses: ok('The transaction to sign', prepared),
      },
    },
  };
}

/** The document served at /api/v1/openapi.json. */
export function openApiDocument() {
  const steps = stepPaths();
  return {
    openapi: '3.1.0',
    info: {
      title: 'OpenEscrow platform API',
      version: '1.0.0',
      description: 'Escrows on Stellar for platforms: unsigned XDR out, signed XDR in.',
    },
    servers: [{ url: '/api/v1' }],
    security: [{ bearer: [] }, { apiKey: [] }],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'An API key from /settings/api-keys (oek_…)' },
        apiKey: { type: 'apiKey', in: 'header', name: 'x-api-key' },
      },
      schemas: { Problem: schema(problemDocument) },
    },
    paths: {
      '/escrows': {
        get: {
          operationId: 'listEscrows',
          summary: 'An address’s escrows (every role), filtered, one keyset page at a time (scope: read)',
          parameters: queryParameters(listEscrowsQuery),
          responses: ok('One page', schema(escrowListPage)),
        },
      },
      ...steps,
      ...pendingPaths(),
      '/escrows/{id}': {
        ...steps['/escrows/{id}'],
        get: {
          operationId: 'getEscrow',
          summary: 'One escrow: its live chain state and the read model’s extras (scope: read)',
          parameters: [escrowId],
          responses: ok('The escrow', {
            type: 'object',
            properties: { id: { type: 'string' }, state: { type: 'object' }, indexed: { type: ['object', 'null'] } },
            required: ['id', 'state', 'indexed'],
          }),
        },
      },
      '/escrows/{id}/events': {
        get: {
          operationId: 'listEscrowEvents',
          summary: 'An escrow’s events, oldest first (scope: read)',
          parameters: [
            escrowId,
            { name: 'cursor', in: 'query', required: false, schema: { type: 'string' } },
            { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 1000 } },
          ],
          responses: ok('One page of events', {
            type: 'object',
            properties: {
              data: { type: 'array', items: { type: 'object' } },
              next_cursor: { type: ['string', 'null'] },
            },
            required: ['data', 'next_cursor'],
          }),
        },
      },
      '/tokens': {
        get: {
          operationId: 'listTokens',
          summary: 'The network’s known tokens (scope: read)',
          responses: ok('The tokens', schema(tokenList)),
        },
      },
      '/transactions': {
        post: {
          operationId: 'submitTransaction',
          summary: 'Submit a transaction prepared here, signed; waits until it is final (scope: submit)',
          parameters: [idempotencyKey],
          requestBody: { required: true, content: { 'application/json': { schema: schema(submitBody, 'input') } } },
          responses: ok('The outcome', schema(submitResult)),
        },
      },
    },
  };
}
