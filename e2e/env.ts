/** Where the e2e chain and app run; override with E2E_LOCALNET_PORT / E2E_APP_PORT. */
const localnetPort = process.env.E2E_LOCALNET_PORT ?? '8020';
const appPort = process.env.E2E_APP_PORT ?? '3100';

// A stand-in for an RPC provider's API key: the app is started with it in its RPC URL (localnet
// ignores the query string) and the tests check that no page hands it to the browser. Set in the
// environment so that e2e/start-app.sh, started by Playwright, sees the same value.
process.env.E2E_RPC_SECRET ??= `apikey-e2e-${localnetPort}-never-in-a-page`;

export const E2E = {
  localnetPort,
  appPort,
  localnetUrl: `http://127.0.0.1:${localnetPort}`,
  appUrl: `http://127.0.0.1:${appPort}`,
  passphrase: 'Standalone Network ; February 2017',
  rpcSecret: process.env.E2E_RPC_SECRET,
};
