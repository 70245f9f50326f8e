import { Keypair } from '@stellar/stellar-sdk';
import { describe, expect, it } from 'vitest';
import { fundRequestSchema, fundSchema, releaseSchema } from './steps';

describe('inputs are bounded before any work is done on them', () => {
  it('a release names at most 5 signers (the contract’s limit)', () => {
    const signers = Array.from({ length: 6 }, () => Keypair.random().publicKey());
    expect(releaseSchema.safeParse({ signers: signers.slice(0, 5) }).success).toBe(true);
    const r = releaseSchema.safeParse({ signers });
    expect(r.error?.issues[0]?.message).toBe('At most 5 release signers');
  });

  it('an amount of a megabyte is refused by its length', () => {
    const r = fundSchema(7).safeParse({ amount: '9'.repeat(1_000_000) });
    expect(r.error?.issues[0]?.message).toBe('An amount has at most 64 characters');
  });

  it('a terms version fits the contract’s u32 (the API fuzz sent a larger one)', () => {
    expect(fundRequestSchema(7).safeParse({ amount: '1', termsVersion: 2 ** 32 - 1 }).success).toBe(true);
    expect(fundRequestSchema(7).safeParse({ amount: '1', termsVersion: 2 ** 32 }).error?.issues[0]?.message).toBe(
      'Terms version: at most 4294967295',
    );
  });
});
