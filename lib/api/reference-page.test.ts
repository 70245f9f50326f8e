import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import ApiReferencePage from '@/app/docs/api/page';
import { openApiDocument } from './openapi';

// The reference page (app/docs/api) rendered as the server renders it.
describe('/docs/api', () => {
  const html = renderToStaticMarkup(createElement(ApiReferencePage));

  it('shows every operation of the document with its errors and examples', () => {
    const doc = openApiDocument() as unknown as { paths: Record<string, Record<string, { operationId: string }>> };
    for (const [path, item] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(item)) {
        expect(html).toContain(`id="${op.operationId}"`);
        expect(html).toContain(`${method.toUpperCase()} ${path}`);
      }
    expect(html).toContain('termsVersion');
    expect(html).toContain('not-openescrow');
    expect(html).toContain('createOpenEscrowClient');
    expect(html).toContain('curl -X POST');
    expect(html).toContain('/api/v1/pending/PENDING_ID/signatures');
  });

  it('loads nothing from elsewhere (works offline, fits the CSP)', () => {
    expect(html).not.toMatch(/<(script|link|img|iframe)\b/);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });
});
