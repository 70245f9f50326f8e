import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';
import { suites } from './vitest.suites';

// `npm run test:read-model`: lib/db and lib/indexer, on PGlite and (DATABASE_URL, set by
// scripts/with-postgres.sh) on Postgres.
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./', import.meta.url)) } },
  test: {
    include: suites.readModel.include,
    environment: 'node',
  },
});
