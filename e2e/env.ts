/** Where the e2e chain and app run; override with E2E_LOCALNET_PORT / E2E_APP_PORT. */
const localnetPort = process.env.E2E_LOCALNET_PORT ?? '8020';
const appPort = process.env.E2E_APP_PORT ?? '3100';

export const E2E = {
  localnetPort,
  appPort,
  localnetUrl: `http://127.0.0.1:${localnetPort}`,
  appUrl: `http://127.0.0.1:${appPort}`,
  passphrase: 'Standalone Network ; February 2017',
};
