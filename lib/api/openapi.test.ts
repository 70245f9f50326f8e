import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from './openapi';

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
