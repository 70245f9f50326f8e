/**
 * The OpenAPI 3.1 document of the API-key endpoints, generated from the same zod schemas the
 * handlers parse with (zod 4's JSON Schema output); each step's request body is its own input
 * schema from the step registry. `lib/api/openapi.json` is its committed copy: a unit test fails
 * when they differ, so a change to the API is a visible diff.
 */
import { escrowFormSchema } from '../schemas/steps';
import { pendingSignatureBody, pendingStartBody, pendingSubmitBody, pendingView } from './endpoints/pending';
import { stepRoutes } from './endpoints/steps';
import { webhookEvents, webhookPaths, webhookPayloadSchema } from './webhooks/openapi';
import { jsonSchema as schema, problemComponents, problemResponses, stepRequestSchema } from './openapi-parts';
import {
  balanceList,
  balancesQuery,
  escrowDetail,
  escrowListPage,
  eventPage,
  listEscrowsQuery,
  preparedCreate,
  preparedTx,
  problemDocument,
  submitBody,
  submitResult,
  tokenList,
} from './schemas';
import type { z } from 'zod';

const ok = (description: string, s: object, errors: number[]) => ({
  '200': { description, content: { 'application/json': { schema: s } } },
  ...problemResponses(errors),
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
/** A prepare's possible failures: bad input, unknown escrow, refusal, body size, idempotency, the network. */
const PREPARE_ERRORS = [400, 404, 409, 413, 422, 502, 503];

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
  schema: { type: 'integer', minimum: 0, maximum: 19 },
};
const prepared = { $ref: '#/components/schemas/Prepared' };

/** One operation per step of the registry; its request body is the step's own input schema. */
function stepPaths(): Record<string, Record<string, object>> {
  const out: Record<string, Record<string, object>> = {};
  for (const { def, method, path } of stepRoutes()) {
    const who = def.roles === 'anyone' ? 'anyone' : def.roles.who;
    (out[path] ??= {})[method] = {
      operationId: def.name,
      summary: `${def.label} (scope: prepare)`,
      description: `Calls the contract’s \`${def.contractFn}\` (who: ${who}; escrow kinds: ${def.kinds.join(', ')}) and answers the unsigned transaction for \`source\` to sign, then POST /transactions.`,
      'x-scope': 'prepare',
      parameters: [
        escrowId,
        ...(def.perMilestone ? [milestoneIndex] : []),
        ...(method === 'post' ? [idempotencyKey] : []),
      ],
      requestBody: { required: true, content: { 'application/json': { schema: stepRequestSchema(def) } } },
      responses: ok('The transaction to sign', prepared, PREPARE_ERRORS),
    };
  }
  return out;
}

/** POST /escrows: the create form's preparation (the same schema as the edit step). */
function createOperation() {
  return {
    operationId: 'createEscrow',
    summary: 'Create an escrow (scope: prepare)',
    description:
      'Answers the unsigned deployment of a new escrow and its id; the platform authorises it (when `source` is not the platform, its authorisation entry is needed too). Sign it and POST /transactions.',
    'x-scope': 'prepare',
    parameters: [idempotencyKey],
    requestBody: {
      required: true,
      content: {
        'application/json': {
          schema: {
            type: 'object',
            properties: {
              source: {
                type: 'string',
                pattern: '^G[A-Z2-7]{55}$',
                description: 'The account (G…) that signs and pays',
              },
              input: schema(escrowFormSchema(38), 'input'),
            },
            required: ['source', 'input'],
          },
        },
      },
    },
    responses: ok('The deployment to sign, with the new escrow’s id', schema(preparedCreate), PREPARE_ERRORS),
  };
}

/** GET /balances: several escrows' live balances, each id verified on its own. */
function balancesPath() {
  return {
    get: {
      operationId: 'getBalances',
      summary: 'Live balances of several escrows (scope: read)',
      description:
        'Reads each escrow’s token balance from the chain. An unknown id or a look-alike contract gets its own `error` entry; the others still answer.',
      'x-scope': 'read',
      parameters: queryParameters(balancesQuery),
      responses: ok('One entry per distinct id', schema(balanceList), [400, 502]),
    },
  };
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
      'x-scope': 'prepare',
      parameters: [escrowId, ...(perMilestone ? [milestoneIndex] : []), idempotencyKey],
      requestBody: jsonBody(pendingStartBody),
      responses: ok('The pending release', view, PREPARE_ERRORS),
    },
  });
  return {
    '/escrows/{id}/pending-releases': start(false),
    '/escrows/{id}/milestones/{index}/pending-releases': start(true),
    '/pending/{pendingId}': {
      get: {
        operationId: 'getPendingRelease',
        summary: 'A pending release: its entries, who has signed, when it ends (scope: read)',
        'x-scope': 'read',
        parameters: [pendingId],
        responses: ok('The pending release', view, [400, 404]),
      },
    },
    '/pending/{pendingId}/signatures': {
      post: {
        operationId: 'addPendingSignature',
        summary:
          'Add one signer’s signed authorisation entry (scope: prepare): verified before it is stored; a signed slot is never replaced',
        'x-scope': 'prepare',
        parameters: [pendingId, idempotencyKey],
        requestBody: jsonBody(pendingSignatureBody),
        responses: ok('The pending release', view, PREPARE_ERRORS),
      },
    },
    '/pending/{pendingId}/submit': {
      post: {
        operationId: 'preparePendingSubmit',
        summary:
          'Once every signer has signed: the transaction carrying all entries, to sign and POST to /transactions (scope: prepare)',
        'x-scope': 'prepare',
        parameters: [pendingId, idempotencyKey],
        requestBody: jsonBody(pendingSubmitBody),
        responses: ok('The transaction to sign', prepared, PREPARE_ERRORS),
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
      schemas: {
        Problem: schema(problemDocument),
        Prepared: schema(preparedTx),
        WebhookPayload: webhookPayloadSchema(),
      },
      responses: problemComponents(),
    },
    paths: {
      '/escrows': {
        get: {
          operationId: 'listEscrows',
          summary: 'An address’s escrows (every role), filtered, one keyset page at a time (scope: read)',
          'x-scope': 'read',
          parameters: queryParameters(listEscrowsQuery),
          responses: ok('One page', schema(escrowListPage), [400]),
        },
        post: createOperation(),
      },
      ...steps,
      ...pendingPaths(),
      '/escrows/{id}': {
        ...steps['/escrows/{id}'],
        get: {
          operationId: 'getEscrow',
          summary: 'One escrow: its live chain state and the read model’s extras (scope: read)',
          'x-scope': 'read',
          parameters: [escrowId],
          responses: ok('The escrow', schema(escrowDetail), [400, 404, 502]),
        },
      },
      '/escrows/{id}/events': {
        get: {
          operationId: 'listEscrowEvents',
          summary: 'An escrow’s events, oldest first (scope: read)',
          'x-scope': 'read',
          parameters: [
            escrowId,
            {
              name: 'cursor',
              in: 'query',
              required: false,
              description: 'The `next_cursor` of the previous page',
              schema: { type: 'string', maxLength: 200 },
            },
            { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 1000 } },
          ],
          responses: ok('One page of events', schema(eventPage), [400]),
        },
      },
      '/tokens': {
        get: {
          operationId: 'listTokens',
          summary: 'The network’s known tokens (scope: read)',
          'x-scope': 'read',
          responses: ok('The tokens', schema(tokenList), []),
        },
      },
      '/transactions': {
        post: {
          operationId: 'submitTransaction',
          summary: 'Submit a transaction prepared here, signed; waits until it is final (scope: submit)',
          'x-scope': 'submit',
          parameters: [idempotencyKey],
          requestBody: { required: true, content: { 'application/json': { schema: schema(submitBody, 'input') } } },
          responses: ok('The outcome', schema(submitResult), [400, 409, 413, 422, 502, 503, 504]),
        },
      },
      '/balances': balancesPath(),
      ...webhookPaths(),
    },
    webhooks: webhookEvents(),
  };
}
