import { Asset, Networks } from '@stellar/stellar-sdk';
import { describe, expect, it } from 'vitest';
import { escrowFormSchema, type EscrowFormInput } from '../schemas/steps';
import { configToForm, formToConfig, tokenContractId } from './form-config';
import { TOKEN, who } from '../testing/fixtures';

const input: EscrowFormInput = {
  kind: 'Multi',
  title: 'Site',
  engagementId: 'E-9',
  description: 'd',
  token: TOKEN,
  amount: '',
  milestones: [
    { description: 'a', amount: '0.0000001', receiver: who.stranger },
    { description: 'b', amount: '12345678901.5', receiver: '' },
  ],
  approvers: [{ address: who.approver }, { address: who.approver2 }],
  approvalsRequired: '2',
  serviceProvider: who.provider,
  releaseSigners: [{ address: who.signer }],
  releasesRequired: 1,
  disputeResolver: who.resolver,
  platform: who.platform,
  receiver: who.receiver,
  platformFeePercent: '2.25',
  deadline: '2030-01-02T03:04:00.000Z',
};

describe('create form ↔ EscrowConfig', () => {
  it('converts exactly: base units, basis points, unix seconds, optional receivers', () => {
    const values = escrowFormSchema(7).parse(input);
    const c = formToConfig(values, { decimals: 7, token: TOKEN, protocolFee: { recipient: who.protocol, bps: 30 } });
    expect(c.milestones.map((m) => m.amount)).toEqual([1n, 123_456_789_015_000_000n]);
    expect(c.milestones.map((m) => m.receiver)).toEqual([who.stranger, null]);
    expect(c.amount).toBe(0n);
    expect(c.platformFeeBps).toBe(225);
    expect(c.roles.approvalsRequired).toBe(2);
    expect(c.deadline).toBe(BigInt(Date.UTC(2030, 0, 2, 3, 4) / 1000));
    expect(configToForm(c, 7)).toMatchObject({
      platformFeePercent: '2.25',
      milestones: [{ amount: '0.0000001' }, { amount: '12345678901.5' }],
    });
  });

  it('single-release milestones carry no amount or receiver', () => {
    const values = escrowFormSchema(7).parse({ ...input, kind: 'Single', amount: '10' });
    const c = formToConfig(values, { decimals: 7, token: TOKEN, protocolFee: { recipient: who.protocol, bps: 30 } });
    expect(c.amount).toBe(100_000_000n);
    expect(c.milestones.every((m) => m.amount === 0n && m.receiver === null)).toBe(true);
  });

  it('resolves CODE:ISSUER to the asset contract of the network', () => {
    expect(tokenContractId(`USDC:${who.platform}`, Networks.TESTNET)).toBe(
      new Asset('USDC', who.platform).contractId(Networks.TESTNET),
    );
    expect(tokenContractId(TOKEN, Networks.TESTNET)).toBe(TOKEN);
  });
});
