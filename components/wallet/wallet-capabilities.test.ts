import { Networks } from '@stellar/stellar-sdk';
import { describe, expect, it } from 'vitest';
import { authEntryProblem, networkMismatch, refusalReason, signsAuthEntries } from './wallet-capabilities';

describe('kit wallets', () => {
  it('know which wallets sign authorisation entries', () => {
    expect(signsAuthEntries('freighter')).toBe(true);
    expect(signsAuthEntries('hana')).toBe(true);
    expect(signsAuthEntries('xbull')).toBe(false);
    expect(signsAuthEntries('lobstr')).toBe(false);
    expect(authEntryProblem('xBull')).toMatch(/^xBull cannot sign an authorisation entry.*such as Freighter or Hana/);
  });

  it('refuse a wallet on another network, naming both', () => {
    const app = { label: 'Local (localnet)', passphrase: Networks.STANDALONE };
    expect(networkMismatch({ networkPassphrase: Networks.STANDALONE, network: 'STANDALONE' }, app)).toBeNull();
    expect(networkMismatch({}, app)).toBeNull();
    expect(networkMismatch({ networkPassphrase: Networks.TESTNET, network: 'TESTNET' }, app)).toBe(
      'Your wallet is on Testnet (“Test SDF Network ; September 2015”), but this app is on Local (localnet) (“Standalone Network ; February 2017”). Switch your wallet’s network and connect again.',
    );
    expect(networkMismatch({ networkPassphrase: 'My net', network: 'CUSTOM' }, app)).toMatch(
      /^Your wallet is on Custom \(“My net”\)/,
    );
  });

  it('word each wallet’s refusal the same way', () => {
    expect(refusalReason({ code: -4, message: 'The user rejected this request.' })).toBe('you rejected the request');
    expect(refusalReason('User declined the request')).toBe('you rejected the request');
    expect(refusalReason(new Error('The user closed the modal.'))).toBe('you rejected the request');
    expect(refusalReason({ code: -3, message: 'Account locked' })).toBe('Account locked');
    expect(refusalReason(undefined)).toBe('no answer from the wallet');
  });
});
