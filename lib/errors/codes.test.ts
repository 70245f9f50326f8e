import { readdirSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import table from '../../contracts/escrow/errors.json';
import { TOKEN_ERRORS } from '../stellar/errors';
import { APP_ERROR_CODES } from './codes';

const doc = readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');
const documented = new Set([...doc.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]));

describe('the error-code table', () => {
  it('docs/errors.md lists every app, escrow and token code, and no other', () => {
    const codes = [
      ...Object.keys(APP_ERROR_CODES),
      ...table.map((e) => `escrow.${e.name}`),
      ...Object.values(TOKEN_ERRORS).map((e) => `token.${e.name}`),
    ];
    expect([...documented].sort()).toEqual([...codes].sort());
  });

  it('every code the app returns is in the table', () => {
    // The typed `fail(code)` catches most; this catches object literals built by hand.
    const sources = ['lib', 'components', 'app'].flatMap((d) => listSources(d));
    const used = new Set<string>();
    for (const f of sources) {
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(/(?:fail\(|code: )'([a-z][a-z-]+)'/g)) used.add(m[1]!);
    }
    used.delete('custom'); // zod's issue code
    expect([...used].filter((c) => !(c in APP_ERROR_CODES))).toEqual([]);
  });
});

function listSources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = `${dir}/${name}`;
    if (statSync(p).isDirectory()) return listSources(p);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [p] : [];
  });
}
