import { Keypair, StrKey } from '@stellar/stellar-sdk';
import { describe, expect, it } from 'vitest';
import { addressProblem, isAddress, shortAddress } from './strkey';

const account = Keypair.random().publicKey();
const contract = StrKey.encodeContract(Buffer.alloc(32, 7));

describe('addresses', () => {
  it('accepts accounts and contracts with valid checksums', () => {
    expect(isAddress(account)).toBe(true);
    expect(isAddress(contract)).toBe(true);
    expect(addressProblem(` ${account} `)).toBeNull();
  });

  it('says what is wrong', () => {
    const typo = account.slice(0, 10) + (account[10] === 'A' ? 'B' : 'A') + account.slice(11);
    expect(addressProblem(typo)).toMatch(/checksum/);
    expect(addressProblem(account.slice(0, 40))).toMatch(/56 characters/);
    expect(addressProblem('XYZ')).toMatch(/starts with G/);
    expect(addressProblem('')).toMatch(/Enter an address/);
    expect(addressProblem(Keypair.random().secret())).toMatch(/secret key/);
  });

  it('shortens for display', () => {
    expect(shortAddress(account)).toBe(`${account.slice(0, 4)}…${account.slice(-4)}`);
  });
});
