import { describe, expect, it } from 'vitest';
import { who, TOKEN } from '../testing/fixtures';
import {
  disputeSchema,
  escrowFormSchema,
  fundRequestSchema,
  fundSchema,
  releaseSchema,
  resolveSchema,
  statusSchema,
  type EscrowFormInput,
} from './steps';

const messages = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.success ? {} : Object.fromEntries(r.error!.issues.map((i) => [i.path.join('.'), i.message]));

const good: EscrowFormInput = {
  kind: 'Single',
  title: 'Logo',
  engagementId: 'ENG-1',
  description: '',
  token: TOKEN,
  amount: '100',
  milestones: [{ description: 'Draft', amount: '', receiver: '' }],
  approvers: [{ address: who.approver }],
  approvalsRequired: 1,
  serviceProvider: who.provider,
  releaseSigners: [{ address: who.signer }],
  releasesRequired: 1,
  disputeResolver: who.resolver,
  platform: who.platform,
  receiver: who.receiver,
  platformFeePercent: '3',
  deadline: '',
};

describe('escrow form', () => {
  const schema = escrowFormSchema(7);
  it('accepts a good single-release escrow', () => {
    expect(schema.safeParse(good).success).toBe(true);
  });

  it('accepts asset CODE:ISSUER as token', () => {
    expect(schema.safeParse({ ...good, token: `USDC:${who.platform}` }).success).toBe(true);
  });

  it('names each bad field', () => {
    const bad = schema.safeParse({
      ...good,
      title: ' ',
      amount: '1.00000001',
      serviceProvider: who.provider.slice(0, -1) + (who.provider.endsWith('A') ? 'B' : 'A'),
      approvalsRequired: 2,
      platformFeePercent: '101',
      token: 'USDC',
      releaseSigners: [{ address: who.signer }, { address: who.signer }],
      releasesRequired: 1,
    });
    expect(messages(bad)).toMatchObject({
      title: 'Title is required',
      amount: 'At most 7 digits after the dot',
      serviceProvider: 'This address has a typo: its checksum does not match',
      approvalsRequired: 'At most 1 (the number of approvers)',
      platformFeePercent: 'At most 100 %',
      token: 'A token is a contract id (C…) or an asset CODE:ISSUER',
      'releaseSigners.1.address': 'Listed twice',
    });
  });

  it('multi-release needs an amount per milestone and valid receivers', () => {
    const r = schema.safeParse({
      ...good,
      kind: 'Multi',
      amount: '',
      milestones: [
        { description: 'a', amount: '0', receiver: '' },
        { description: 'b', amount: '5', receiver: 'GBAD' },
      ],
    });
    expect(messages(r)).toEqual({
      'milestones.0.amount': 'Milestone amount must be more than 0',
      'milestones.1.receiver': 'A Stellar address has 56 characters, this has 4',
    });
  });
});

describe('step schemas', () => {
  it('fund', () => {
    expect(fundSchema(7).safeParse({ amount: '10.5' }).success).toBe(true);
    expect(messages(fundSchema(7).safeParse({ amount: '0' }))).toEqual({ amount: 'Amount must be more than 0' });
    expect(messages(fundSchema(2).safeParse({ amount: '-3' }))).toEqual({
      amount: 'Enter a number like 12.5 (digits and one dot)',
    });
  });

  it('status and dispute', () => {
    expect(statusSchema.safeParse({ status: 'Done', evidence: '' }).success).toBe(true);
    expect(messages(statusSchema.safeParse({ status: '', evidence: '' }))).toEqual({ status: 'Status is required' });
    expect(messages(disputeSchema.safeParse({ reason: 'x'.repeat(501) }))).toEqual({
      reason: 'Reason: at most 500 characters',
    });
  });

  it('release needs signers with valid addresses', () => {
    expect(releaseSchema.safeParse({ signers: [who.signer] }).success).toBe(true);
    expect(messages(releaseSchema.safeParse({ signers: [] }))).toEqual({
      signers: 'Choose at least one release signer',
    });
  });

  it('a distribution must add up to what is in dispute', () => {
    const schema = resolveSchema(7, 100_000_000n);
    expect(
      schema.safeParse({
        distributions: [
          { recipient: who.funder, amount: '4' },
          { recipient: who.receiver, amount: '6' },
        ],
      }).success,
    ).toBe(true);
    expect(
      messages(
        schema.safeParse({
          distributions: [
            { recipient: who.funder, amount: '4' },
            { recipient: who.receiver, amount: '5' },
          ],
        }),
      ),
    ).toEqual({
      distributions: 'The shares add up to 9; they must add up to 10',
    });
    expect(
      messages(
        schema.safeParse({
          distributions: [
            { recipient: who.funder, amount: '5' },
            { recipient: who.funder, amount: '5' },
          ],
        }),
      ),
    ).toEqual({
      'distributions.1.recipient': 'This recipient is listed twice',
    });
  });
});

describe('fund request', () => {
  it('names the terms version the page showed: a whole number from 1', () => {
    const schema = fundRequestSchema(7);
    expect(schema.safeParse({ amount: '10', termsVersion: 2 }).success).toBe(true);
    expect(messages(schema.safeParse({ amount: '10', termsVersion: 0 }))).toEqual({
      termsVersion: 'Terms version: 1 or more',
    });
    expect(messages(schema.safeParse({ amount: '10', termsVersion: 1.5 }))).toEqual({
      termsVersion: 'Terms version: a whole number',
    });
    expect(schema.safeParse({ amount: '10' }).success).toBe(false);
  });
});
