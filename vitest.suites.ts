/**
 * Which vitest suite runs which test file, in one place: `npm run test:unit` (the dApp's pure
 * tests) and `npm run test:read-model` (the database and the indexer, on PGlite and on Postgres).
 * The localnet conformance suite has its own config under localnet/conformance/.
 * `lib/test-suites.test.ts` checks that every test file of the tree is run by exactly one.
 */
export const suites = {
  unit: {
    include: ['lib/**/*.test.ts', 'components/**/*.test.ts'],
    exclude: ['lib/db/**', 'lib/indexer/**', 'lib/pending/**', 'lib/api/webhooks/**', 'lib/api/matrix*.test.ts'],
  },
  readModel: {
    include: [
      'lib/db/**/*.test.ts',
      'lib/indexer/**/*.test.ts',
      'lib/pending/**/*.test.ts',
      'lib/api/webhooks/**/*.test.ts',
      // The endpoint matrix: every operation of the OpenAPI document on both databases.
      'lib/api/matrix*.test.ts',
    ],
    exclude: [] as string[],
  },
  localnet: { include: ['localnet/conformance/**/*.test.ts'], exclude: [] as string[] },
};
