import { Asset, Keypair, Networks, StrKey } from '@stellar/stellar-sdk';
import { describe, expect, it } from 'vitest';
import { identify, tokenIdentity, tokenMetadataProblem, unverifiedTokenWarning } from './tokens';

const circle = Keypair.random().publicKey();
const anyone = Keypair.random().publicKey();
const usdc = {
  code: 'USDC',
  issuer: circle,
  contractId: new Asset('USDC', circle).contractId(Networks.TESTNET),
  decimals: 7,
};
const base = { symbol: 'USDC', decimals: 7, native: false };

describe('token metadata bounds', () => {
  it('accepts ordinary metadata', () => {
    expect(tokenMetadataProblem({ decimals: 7, symbol: 'USDC', name: 'USD Coin' })).toBeNull();
    expect(tokenMetadataProblem({ decimals: 0, symbol: 'X', name: 'X' })).toBeNull();
    expect(tokenMetadataProblem({ decimals: 38, symbol: 'X'.repeat(32), name: 'Y'.repeat(32) })).toBeNull();
  });

  it('refuses decimals outside 0–38 or not a whole number, saying why', () => {
    for (const decimals of [-1, 39, 1_000_000, 1.5, Number.NaN, '7', 10n]) {
      expect(tokenMetadataProblem({ decimals, symbol: 'T', name: 'T' })).toMatch(
        /decimals .* not a whole number from 0 to 38/,
      );
    }
  });

  it('refuses an empty, over-long or control-laden symbol or name', () => {
    expect(tokenMetadataProblem({ decimals: 7, symbol: '', name: 'T' })).toBe('its symbol is empty');
    expect(tokenMetadataProblem({ decimals: 7, symbol: 'T', name: 'N'.repeat(33) })).toBe(
      'its name is longer than 32 characters',
    );
    expect(tokenMetadataProblem({ decimals: 7, symbol: 'US\u202EDC', name: 'T' })).toBe(
      'its symbol contains control characters',
    );
    expect(tokenMetadataProblem({ decimals: 7, symbol: 'T', name: 'a\nb' })).toBe(
      'its name contains control characters',
    );
    expect(tokenMetadataProblem({ decimals: 7, symbol: 42, name: 'T' })).toBe('its symbol is empty');
  });

  it('lets a Stellar Asset Contract keep its long CODE:ISSUER name', () => {
    expect(tokenMetadataProblem({ decimals: 7, symbol: 'USDC', name: `USDC:${circle}` }, true)).toBeNull();
    expect(tokenMetadataProblem({ decimals: 7, symbol: 'USDC', name: `USDC:${circle}` }, false)).toMatch(
      /longer than 32/,
    );
  });
});

describe('tokens by identity', () => {
  it('names a known token by its code, with its issuer', () => {
    const t = identify(
      { ...base, contractId: usdc.contractId, name: `USDC:${circle}`, asset: { code: 'USDC', issuer: circle } },
      [usdc],
    );
    expect(t.known).toBe(true);
    expect(t.label).toBe('USDC');
    expect(tokenIdentity(t)).toBe(`USDC issued by ${circle}`);
    expect(unverifiedTokenWarning(t)).toBeNull();
  });

  it('marks the same code from another issuer unverified, with that issuer', () => {
    const id = new Asset('USDC', anyone).contractId(Networks.TESTNET);
    const t = identify({ ...base, contractId: id, name: `USDC:${anyone}`, asset: { code: 'USDC', issuer: anyone } }, [
      usdc,
    ]);
    expect(t.known).toBe(false);
    expect(t.label).toBe('USDC (unverified)');
    expect(tokenIdentity(t)).toBe(`unverified token: USDC issued by ${anyone}`);
    expect(unverifiedTokenWarning(t)).toContain(anyone);
  });

  it('marks a contract token that calls itself USDC unverified, with its contract id', () => {
    const id = StrKey.encodeContract(Buffer.alloc(32, 9));
    const t = identify({ ...base, contractId: id, name: 'USD Coin', asset: null }, [usdc]);
    expect(tokenIdentity(t)).toBe(`unverified token: contract ${id} calling itself “USDC”`);
    expect(tokenIdentity(t, false)).toContain('CAEQ…');
  });
});
