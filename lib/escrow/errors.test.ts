import { describe, expect, it } from 'vitest';
import { contractError } from '../stellar/errors';
import { escrowErrors } from './errors';

describe('the escrow’s error table', () => {
  it('has unique codes, each with a sentence', () => {
    const codes = escrowErrors().map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const e of escrowErrors()) expect(e.message).toMatch(/^[A-Z].+\.$/);
  });

  it('maps the contract’s codes the pages rely on', () => {
    expect(contractError(18, escrowErrors(), false)).toEqual({
      code: 'escrow.Overfunded',
      message: 'This escrow is already fully funded.',
    });
    expect(contractError(47, escrowErrors(), false).code).toBe('escrow.TermsChanged');
    expect(contractError(38, escrowErrors(), false).code).toBe('escrow.DistributionMismatch');
    expect(contractError(23, escrowErrors(), false).code).toBe('escrow.NotApprover');
  });
});
