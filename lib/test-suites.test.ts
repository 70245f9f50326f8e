/** Every test file of the tree is run by exactly one suite (none is forgotten, none runs twice). */
import { globSync } from 'node:fs';
import { matchesGlob } from 'node:path';
import { describe, expect, it } from 'vitest';
import { suites } from '../vitest.suites';

const runs = (file: string, s: { include: string[]; exclude: string[] }) =>
  s.include.some((g) => matchesGlob(file, g)) && !s.exclude.some((g) => matchesGlob(file, g));

describe('test suites', () => {
  const files = globSync('**/*.test.ts', {
    exclude: (f) => ['node_modules', 'target', '.next', '.cache', '.data'].includes(f),
  });

  it('finds the test files', () => {
    expect(files.length).toBeGreaterThan(40);
    expect(files).toContain('lib/indexer/follower.localnet.test.ts');
  });

  it.each(files)('%s is run by exactly one suite', (file) => {
    const by = Object.entries(suites).filter(([, s]) => runs(file, s));
    expect(by.map(([name]) => name)).toHaveLength(1);
  });
});
