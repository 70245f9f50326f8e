import { defineConfig, configDefaults } from 'vitest/config';
import { fileURLToPath } from 'node:url';
import { suites } from './vitest.suites';

// `npm run test:unit`: everything but the read model (vitest.read-model.config.ts runs that on
// both databases).
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./', import.meta.url)) } },
  test: {
    include: suites.unit.include,
    exclude: [...configDefaults.exclude, ...suites.unit.exclude],
    environment: 'node',
  },
});
