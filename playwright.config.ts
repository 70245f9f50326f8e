import { defineConfig, devices } from '@playwright/test';
import { E2E } from './e2e/env';

/**
 * End-to-end tests: Debian's Chromium against a fresh localnet and the built app, both started
 * here (and stopped at the end). Ports and the chain's directory come from e2e/env.ts.
 */
export default defineConfig({
  testDir: './e2e',
  testMatch: /.*\.spec\.ts/,
  // The benchmark and the screenshots run on request (npm run bench:e2e, npm run screenshots).
  testIgnore: [
    ...(process.env.BENCH ? [] : [/bench\.spec\.ts/]),
    ...(process.env.SCREENSHOTS ? [] : [/screenshots\.spec\.ts/]),
  ],
  // Spec files run two at a time (each journey makes its own accounts); a test that moves the
  // chain's clock is tagged @clock and runs alone, after the others.
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 180_000,
  expect: { timeout: 20_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: E2E.appUrl,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    actionTimeout: 20_000,
    navigationTimeout: 30_000,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'chromium', grepInvert: /@clock/, use: { ...devices['Desktop Chrome'], channel: undefined } },
    {
      name: 'clock',
      grep: /@clock/,
      dependencies: ['chromium'],
      use: { ...devices['Desktop Chrome'], channel: undefined },
    },
  ],
  webServer: [
    {
      command: 'bash e2e/start-localnet.sh',
      url: `${E2E.localnetUrl}/health`,
      timeout: 20 * 60_000,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
      gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    },
    {
      command: 'bash e2e/start-app.sh',
      url: E2E.appUrl,
      timeout: 10 * 60_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      stderr: 'pipe',
      gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    },
  ],
});
