import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ESCROW_ID, escrow } from '../testing/fixtures';
import { openApiDocument } from './openapi';
import { toJson } from './problem';
import { escrowDetail, escrowState } from './schemas';

describe('the OpenAPI document', () => {
  it('matches the committed copy (regenerate: npx tsx scripts/write-openapi.ts)', () => {
    const committed = JSON.parse(readFileSync(new URL('./openapi.json', import.meta.url), 'utf8'));
    expect(JSON.parse(JSON.stringify(openApiDocument()))).toEqual(committed);
  });

  it('documents the list filters and the problem format', () => {
    const doc = openApiDocument();
    const names = doc.paths['/escrows'].get.parameters.map((p) => p.name);
    expect(names).toEqual([
      'address',
      'role',
      'status',
      'kind',
      'token',
      'created_after',
      'created_before',
      'q',
      'cursor',
      'limit',
    ]);
    expect(doc.components.schemas.Problem).toMatchObject({ required: expect.arrayContaining(['code', 'status']) });
  });
});

// The test walks the document as plain JSON.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

describe('the document’s precision', () => {
  const doc = openApiDocument() as unknown as {
    paths: Record<
      string,
      Record<string, { requestBody?: Json; responses: Record<string, unknown>; parameters?: Json[] }>
    >;
    components: { responses: Record<string, { 'x-error-codes': string[] }> };
  };

  it('gives every step endpoint its own input schema', () => {
    const fund = doc.paths['/escrows/{id}/fund']!.post!.requestBody.content['application/json'].schema;
    expect(fund.properties.input.required).toEqual(['amount', 'termsVersion']);
    expect(fund.properties.input.properties.amount.pattern).toBeDefined();
    expect(fund.properties.source.pattern).toBe('^G[A-Z2-7]{55}$');
    const release = doc.paths['/escrows/{id}/release']!.post!.requestBody.content['application/json'].schema;
    expect(release.properties.input.properties.signers).toMatchObject({ type: 'array', maxItems: 5 });
  });

  it('documents the problems of every operation, with their codes', () => {
    for (const [path, ops] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(ops)) {
        for (const status of ['200', '401', '403', '429', '500'])
          expect(op.responses[status], `${method} ${path}`).toBeDefined();
        if (op.requestBody) expect(op.responses['400'], `${method} ${path}`).toBeDefined();
      }
    expect(doc.components.responses.Problem401!['x-error-codes']).toContain('unauthorized');
    expect(doc.components.responses.Problem404!['x-error-codes']).toEqual(
      expect.arrayContaining(['not-found', 'not-openescrow']),
    );
    expect(doc.components.responses.Problem422!['x-error-codes']).toContain('refused');
  });

  it('bounds the balances list', () => {
    const ids = doc.paths['/balances']!.get!.parameters!.find((p) => p.name === 'ids');
    expect(ids).toMatchObject({ required: true, schema: { pattern: expect.stringContaining('{0,19}') } });
  });
});

describe('the documented escrow state', () => {
  it('is the shape GET /escrows/{id} sends (an escrow as JSON, bigints as strings)', () => {
    const sent = JSON.parse(toJson({ id: ESCROW_ID, state: escrow(), indexed: null }));
    // Parsing strips what the schema does not name: equal means no field is missing or extra.
    expect(escrowDetail.parse(sent)).toEqual(sent);
    expect(z.toJSONSchema(escrowState)).toMatchObject({ additionalProperties: false });
  });
});
