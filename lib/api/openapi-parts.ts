/**
 * Pieces of the OpenAPI document: the problem responses of each operation with the codes each
 * status carries (from the one error table), and the steps' request bodies from their own zod
 * schemas. Kept apart from openapi.ts so the document itself stays a readable list of paths.
 */
import { z } from 'zod';
import { APP_ERROR_CODES } from '../errors/codes';
import type { StepContext, StepDefinition } from '../steps/types';
import { STATUS } from './problem';

/** A zod schema as JSON Schema (draft 2020-12, as OpenAPI 3.1 takes it), without `$schema`. */
export function jsonSchema(s: z.ZodType, io: 'input' | 'output' = 'output'): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(s, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

const TITLES: Record<number, string> = {
  400: 'Bad input: the request does not match the schema (`fieldErrors` says which field)',
  401: 'No API key, or an unknown or revoked one',
  403: 'The key lacks this endpoint’s scope',
  404: 'No such escrow, or a contract that is not a released OpenEscrow build (a look-alike)',
  409: 'A conflict with the current state',
  413: 'The request body is larger than 256 KiB',
  422: 'A valid request the escrow, the network or the server refuses now',
  429: 'Over the key’s rate limit: see `Retry-After` and `RateLimit`',
  500: 'The server failed; the operator’s log has the details',
  502: 'The network’s RPC did not answer',
  503: 'The network is busy',
  504: 'The transaction is not final yet; check it later',
};

/** The app codes an HTTP status carries (422: every code without a status of its own, and contract errors). */
export function codesOf(status: number): string[] {
  const all = Object.keys(APP_ERROR_CODES);
  if (status === 422) return [...all.filter((c) => !(c in STATUS)), 'idempotency-conflict', 'escrow.*', 'token.*'];
  return Object.entries(STATUS)
    .filter(([code, s]) => s === status && code in APP_ERROR_CODES && code !== 'idempotency-conflict')
    .map(([code]) => code);
}

/** What every key-authenticated operation may answer besides its success. */
const ALWAYS = [401, 403, 429, 500];

const STATUSES = Object.keys(TITLES).map(Number);

/**
 * The shared problem+json responses (`components.responses.Problem<status>`): for each status its
 * codes, in the description and as `x-error-codes` (the reference page lists them).
 */
export function problemComponents(): Record<string, object> {
  const out: Record<string, object> = {};
  for (const status of STATUSES) {
    const codes = codesOf(status);
    out[`Problem${status}`] = {
      description: `${TITLES[status]}. Codes: ${codes.map((c) => `\`${c}\``).join(', ')}`,
      'x-error-codes': codes,
      ...(status === 429
        ? {
            headers: {
              'Retry-After': { schema: { type: 'integer' }, description: 'Seconds until the key may ask again' },
            },
          }
        : {}),
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
    };
  }
  return out;
}

/** An operation's problem responses besides its success (401, 403, 429 and 500 always). */
export function problemResponses(statuses: number[]): Record<string, object> {
  const all = [...new Set([...statuses, ...ALWAYS])].sort();
  return Object.fromEntries(all.map((s) => [String(s), { $ref: `#/components/responses/Problem${s}` }]));
}

/**
 * The context the steps' schema factories get when the document is written: no escrow is at
 * hand, so amounts are described for any token (the escrow's token decides the decimals at run
 * time) and a distribution's total is checked by the server, not the document.
 */
const DOC_CONTEXT = {
  token: { decimals: 38 },
  escrow: { balance: 0n, config: { milestones: [] } },
  milestone: 0,
} as unknown as StepContext;

/** The request body of a step's prepare endpoint: the source and the step's own input schema. */
export function stepRequestSchema(def: StepDefinition): Record<string, unknown> {
  const input = jsonSchema(def.schema(DOC_CONTEXT), 'input') as { required?: string[] };
  return {
    type: 'object',
    properties: {
      source: {
        type: 'string',
        pattern: '^G[A-Z2-7]{55}$',
        description: 'The account (G…) that signs and pays: usually the acting role',
      },
      input,
    },
    // A step without fields (approve, refund) takes a missing input as {}.
    required: input.required?.length ? ['source', 'input'] : ['source'],
  };
}
