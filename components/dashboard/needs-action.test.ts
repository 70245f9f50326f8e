import { describe, expect, it } from 'vitest';
import { escrow, ESCROW_ID, milestone, who } from '@/lib/testing/fixtures';
import { awaitedActions } from './needs-action';
import { barWidth } from './fee-chart';

const NOW = 1_000n;
const funded = { funded: 100_000_000n, balance: 100_000_000n };
const steps = (e: ReturnType<typeof escrow>, address: string, funding = 0n) =>
  awaitedActions(e, ESCROW_ID, address, NOW, funding).map((a) => `${a.step}${a.milestone ?? ''}`);

describe('what waits on an address (the action panel’s allowed steps, minus mere offers)', () => {
  it('a new escrow waits on its service provider only: funding, editing and disputes are offers', () => {
    const e = escrow();
    expect(steps(e, who.platform)).toEqual([]);
    expect(steps(e, who.stranger)).toEqual([]);
    expect(steps(e, who.approver)).toEqual([]);
    expect(steps(e, who.provider)).toEqual(['status0', 'status1']);
  });

  it('a marked milestone waits on the approver, no longer on the service provider', () => {
    const e = escrow({ ...funded, milestones: [milestone({ status: 'Delivered' }), milestone()] });
    expect(steps(e, who.approver)).toEqual(['approve0']);
    expect(steps(e, who.provider)).toEqual(['status1']);
  });

  it('an approved, funded escrow waits on its release signer; a dispute on the resolver', () => {
    const approved = milestone({ status: 'Done', approved: true, approvals: [who.approver] });
    expect(steps(escrow({ ...funded, milestones: [approved, approved] }), who.signer)).toEqual(['release']);
    const disputed = escrow({ ...funded, disputed: true, milestones: [approved, approved] });
    expect(steps(disputed, who.resolver)).toEqual(['resolve']);
    expect(steps(disputed, who.signer)).toEqual([]);
  });

  it('after the deadline a funder’s refund waits on them', () => {
    const e = escrow({ ...funded }, { deadline: 500n });
    expect(steps(e, who.funder, 100_000_000n)).toEqual(['refund']);
    expect(steps(e, who.stranger)).toEqual([]);
  });
});

describe('the fee chart’s bars', () => {
  it('are exact fractions of the largest month, from bigints of any size', () => {
    expect(barWidth(5n, 10n)).toBe(50);
    expect(barWidth(10n, 10n)).toBe(100);
    expect(barWidth(0n, 10n)).toBe(0);
    expect(barWidth(1n, 0n)).toBe(0);
    const huge = 10n ** 38n;
    expect(barWidth(huge / 3n, huge)).toBe(33.3);
  });
});
