import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = fileURLToPath(new URL('.', import.meta.url));

// Conformance suite: @stellar/stellar-sdk against a running localnet.
// globalSetup starts `target/release/localnet` on a free 127.0.0.1 port with a
// fresh temporary --data-dir (it builds nothing); test files that need their
// own instance (restart, clock) start one themselves.
export default defineConfig({
  root: here,
  test: {
    include: ['**/*.test.ts'],
    globalSetup: ['./global-setup.ts'],
    // One localnet for the whole run; files run one after another so that
    // ledger-range assertions are not disturbed by other files' traffic.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 30_000,
    reporters: ['default'],
  },
});
