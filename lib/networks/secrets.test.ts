import { Keypair } from '@stellar/stellar-sdk';
import { describe, expect, it } from 'vitest';
import { checkServerSecrets, serverSecretProblems } from './secrets';

const secret = Keypair.random().secret();

describe('the server’s secrets at start-up', () => {
  it('refuses a missing web-auth secret on every network but local, naming the variable', () => {
    for (const network of ['testnet', 'mainnet', 'custom'])
      expect(() => checkServerSecrets(network, {})).toThrow(/OPENESCROW_WEB_AUTH_SECRET is required on/);
    expect(serverSecretProblems('testnet', { OPENESCROW_WEB_AUTH_SECRET: '' })).toHaveLength(1);
    expect(serverSecretProblems('local', {})).toEqual([]);
  });

  it('refuses a short or malformed secret anywhere, local included', () => {
    expect(serverSecretProblems('mainnet', { OPENESCROW_WEB_AUTH_SECRET: secret.slice(0, 20) })[0]).toMatch(
      /OPENESCROW_WEB_AUTH_SECRET must be a Stellar secret key .* too short/,
    );
    expect(serverSecretProblems('local', { OPENESCROW_WEB_AUTH_SECRET: `${secret.slice(0, -1)}A` })).toHaveLength(1);
    // A public key is not a secret.
    expect(serverSecretProblems('testnet', { OPENESCROW_WEB_AUTH_SECRET: Keypair.random().publicKey() })).toHaveLength(
      1,
    );
  });

  it('accepts a valid secret', () => {
    for (const network of ['local', 'testnet', 'mainnet'])
      expect(() => checkServerSecrets(network, { OPENESCROW_WEB_AUTH_SECRET: secret })).not.toThrow();
  });
});
