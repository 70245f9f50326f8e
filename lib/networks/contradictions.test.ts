import { Networks } from '@stellar/stellar-sdk';
import { describe, expect, it } from 'vitest';
import { parseNetworkConfig } from './config';
import { publicNetwork } from './public';

const refuses = (env: Record<string, string>, variable: RegExp) =>
  expect(() => parseNetworkConfig(env)).toThrow(variable);

describe('a configuration that contradicts itself stops start-up, naming the variable', () => {
  it('local (the default) with a real network’s passphrase', () => {
    refuses(
      { OPENESCROW_RPC_URL: 'https://rpc.example.org', OPENESCROW_NETWORK_PASSPHRASE: Networks.PUBLIC },
      /OPENESCROW_NETWORK_PASSPHRASE is mainnet's passphrase: set OPENESCROW_NETWORK=mainnet/,
    );
    refuses(
      { OPENESCROW_NETWORK_PASSPHRASE: Networks.TESTNET },
      /OPENESCROW_NETWORK_PASSPHRASE is testnet's passphrase/,
    );
    refuses(
      {
        OPENESCROW_NETWORK: 'custom',
        OPENESCROW_RPC_URL: 'https://x.org',
        OPENESCROW_NETWORK_PASSPHRASE: Networks.PUBLIC,
      },
      /OPENESCROW_NETWORK=mainnet \(not custom\)/,
    );
  });

  it('testnet or mainnet with another passphrase', () => {
    refuses(
      { OPENESCROW_NETWORK: 'testnet', OPENESCROW_NETWORK_PASSPHRASE: Networks.PUBLIC },
      /OPENESCROW_NETWORK_PASSPHRASE is not testnet's passphrase/,
    );
    expect(
      parseNetworkConfig({ OPENESCROW_NETWORK: 'testnet', OPENESCROW_NETWORK_PASSPHRASE: Networks.TESTNET }).passphrase,
    ).toBe(Networks.TESTNET);
  });

  it('plain http on testnet or mainnet', () => {
    refuses(
      { OPENESCROW_NETWORK: 'mainnet', OPENESCROW_RPC_URL: 'http://rpc.example.org' },
      /OPENESCROW_RPC_URL must be an https:\/\/ URL on mainnet/,
    );
    refuses(
      { OPENESCROW_NETWORK: 'testnet', OPENESCROW_RPC_URL: 'http://127.0.0.1:8000/rpc' },
      /OPENESCROW_RPC_URL must be an https:\/\/ URL on testnet/,
    );
    refuses(
      { OPENESCROW_NETWORK: 'testnet', OPENESCROW_FRIENDBOT_URL: 'http://127.0.0.1:8000/friendbot' },
      /OPENESCROW_FRIENDBOT_URL must be an https/,
    );
    expect(
      parseNetworkConfig({ OPENESCROW_NETWORK: 'mainnet', OPENESCROW_RPC_URL: 'https://rpc.example.org' }).name,
    ).toBe('mainnet');
  });

  it('localnet’s faucet and friendbot off the local network', () => {
    refuses(
      {
        OPENESCROW_NETWORK: 'mainnet',
        OPENESCROW_RPC_URL: 'https://rpc.example.org',
        OPENESCROW_FRIENDBOT_URL: 'https://friendbot.example.org',
      },
      /OPENESCROW_FRIENDBOT_URL must not be set on mainnet/,
    );
    refuses(
      { OPENESCROW_NETWORK: 'testnet', OPENESCROW_LOCALNET_URL: 'http://127.0.0.1:8000' },
      /OPENESCROW_LOCALNET_URL is for the local network only/,
    );
    const n = parseNetworkConfig({ OPENESCROW_NETWORK: 'mainnet', OPENESCROW_RPC_URL: 'https://rpc.example.org' });
    expect([n.friendbotUrl, n.localnetUrl]).toEqual([null, null]);
  });

  it('a ticket secret shorter than 32 bytes', () => {
    refuses({ OPENESCROW_TICKET_SECRET: 'short' }, /OPENESCROW_TICKET_SECRET must be at least 32 bytes/);
    expect(() => parseNetworkConfig({ OPENESCROW_TICKET_SECRET: 'x'.repeat(32) })).not.toThrow();
  });

  it('a rate limit that is not a positive whole number', () => {
    refuses({ OPENESCROW_RATE_LIMIT: '0' }, /OPENESCROW_RATE_LIMIT/);
    refuses({ OPENESCROW_RATE_LIMIT: 'lots' }, /OPENESCROW_RATE_LIMIT/);
  });
});

describe('what the browser gets', () => {
  it('never the RPC URL (it may carry an API key), friendbot, localnet or the released builds', () => {
    const n = parseNetworkConfig({
      OPENESCROW_NETWORK: 'mainnet',
      OPENESCROW_RPC_URL: 'https://rpc.example.org/?apikey=SECRET-KEY-123',
    });
    const p = publicNetwork(n);
    expect(Object.keys(p).sort()).toEqual([
      'explorerUrl',
      'label',
      'name',
      'passphrase',
      'tokens',
      'trezorEmail',
      'walletConnectProjectId',
    ]);
    expect(JSON.stringify(p)).not.toContain('SECRET-KEY-123');
    expect(p.tokens.map((t) => t.code)).toEqual(['USDC', 'EURC', 'XLM']);
  });
});
