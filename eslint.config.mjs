// Lint: Next.js's rules (React, hooks, core web vitals, jsx-a11y) and typescript-eslint's.
// `npm run lint` fails on any finding, warnings included.
import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import jsxA11y from 'eslint-plugin-jsx-a11y';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    // eslint-config-next registers the plugin with a few rules; take its whole recommended set.
    rules: jsxA11y.flatConfigs.recommended.rules,
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // run() is an event handler, not render code: timing it with performance.now() is fine.
    files: ['components/steps/use-step.ts'],
    rules: { 'react-hooks/purity': 'off' },
  },
  {
    // Playwright code, not React: its helpers may be called use…().
    files: ['e2e/**', 'localnet/conformance/**', 'scripts/**'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  {
    // Next loads its config as CommonJS.
    files: ['next.config.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Wallet test doubles run inside the page and answer each wallet's untyped page protocol.
    files: ['e2e/wallets/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  globalIgnores([
    '.next/**',
    'node_modules/**',
    'target/**',
    '.cache/**',
    '.data/**',
    '.localnet/**',
    'test-results/**',
    'playwright-report/**',
    'next-env.d.ts',
  ]),
]);
