import { defineConfig } from 'drizzle-kit';

// `npx drizzle-kit generate` writes a new migration into lib/db/migrations after a schema change;
// the app applies them at start (lib/db/client.ts). Commit both.
export default defineConfig({
  dialect: 'postgresql',
  schema: './lib/db/schema/index.ts',
  out: './lib/db/migrations',
});
