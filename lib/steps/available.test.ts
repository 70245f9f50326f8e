import { describe, expect, it } from 'vitest';
import { availableActions } from './available';
import { escrow, ESCROW_ID, milestone, who } from '../testing/fixtures';

const NOW = 1_000n;
const summary = (list: ReturnType<typeof availableActions>) =>
  list.map((a) => `${a.step}${a.milestone === undefined ? '' : `#${a.milestone}`}:${a.allowed ? 'yes' : a.reason}`);
const funded = { funded: 100_000_000n, balance: 100_000_000n };

describe('availableActions', () => {
  it('offers nothing without an address', () => {
    expect(availableActions(escrow(), ESCROW_ID, null, NOW)).toEqual([]);
  });

  it('a stranger may only fund a new escrow', () => {
    expect(summary(availableActions(escrow(), ESCROW_ID, who.stranger, NOW))).toEqual(['fund:yes']);
  });

  it('the platform may edit before funding, not after', () => {
    expect(summary(availableActions(escrow(), ESCROW_ID, who.platform, NOW))).toContain('edit:yes');
    expect(summary(availableActions(escrow(funded), ESCROW_ID, who.platform, NOW))).toContain(
      'edit:It can be edited only before any funding, approval or dispute',
    );
  });

  it('refuses overfunding once fully funded', () => {
    expect(summary(availableActions(escrow(funded), ESCROW_ID, who.stranger, NOW))).toEqual([
      'fund:The escrow is fully funded',
    ]);
  });

  it('the service provider marks each milestone; the approver waits for the mark', () => {
    const e = escrow(funded);
    expect(summary(availableActions(e, ESCROW_ID, who.provider, NOW))).toEqual(
      expect.arrayContaining(['status#0:yes', 'status#1:yes', 'dispute:yes']),
    );
    expect(summary(availableActions(e, ESCROW_ID, who.approver, NOW))).toEqual(
      expect.arrayContaining(['approve#0:The service provider has not marked this milestone yet']),
    );
  });

  it('approval then release, across roles of one address', () => {
    const marked = escrow({ ...funded, milestones: [milestone({ status: 'done' }), milestone({ status: 'done' })] });
    expect(summary(availableActions(marked, ESCROW_ID, who.approver, NOW))).toEqual(
      expect.arrayContaining(['approve#0:yes', 'approve#1:yes']),
    );
    expect(summary(availableActions(marked, ESCROW_ID, who.signer, NOW))).toContain(
      'release:Milestone 1 is not approved yet',
    );
    const approved = escrow({
      ...funded,
      milestones: [0, 1].map(() => milestone({ status: 'done', approved: true, approvals: [who.approver] })),
    });
    expect(summary(availableActions(approved, ESCROW_ID, who.signer, NOW))).toContain('release:yes');
    // One address holding two roles sees both without picking a role.
    const both = {
      ...approved,
      config: { ...approved.config, roles: { ...approved.config.roles, releaseSigners: [who.approver] } },
    };
    const list = summary(availableActions(both, ESCROW_ID, who.approver, NOW));
    expect(list).toEqual(expect.arrayContaining(['approve#0:Already approved', 'release:yes']));
  });

  it('an approver who approved waits for the others', () => {
    const e = escrow(
      { ...funded, milestones: [milestone({ status: 'done', approvals: [who.approver] }), milestone()] },
      { roles: { ...escrow().config.roles, approvers: [who.approver, who.approver2], approvalsRequired: 2 } },
    );
    expect(summary(availableActions(e, ESCROW_ID, who.approver, NOW))[1]).toBe(
      'approve#0:You have approved it already; waiting for other approvers',
    );
    expect(summary(availableActions(e, ESCROW_ID, who.approver2, NOW))).toContain('approve#0:yes');
  });

  it('a dispute stops release and lets the resolver resolve', () => {
    const e = escrow({ ...funded, disputed: true, disputeReason: 'late' });
    expect(summary(availableActions(e, ESCROW_ID, who.signer, NOW))).toContain(
      'release:In dispute: wait for the dispute resolver',
    );
    expect(summary(availableActions(e, ESCROW_ID, who.resolver, NOW))).toEqual(expect.arrayContaining(['resolve:yes']));
    expect(summary(availableActions(escrow(funded), ESCROW_ID, who.resolver, NOW))).toContain(
      'resolve:There is no dispute',
    );
  });

  it('multi-release works per milestone', () => {
    const e = escrow(
      {
        funded: 30n,
        balance: 30n,
        milestones: [milestone({ status: 'ok', approved: true }), milestone({ disputed: true })],
      },
      {
        kind: 'Multi',
        amount: 0n,
        milestones: [
          { description: 'a', amount: 10n, receiver: null },
          { description: 'b', amount: 20n, receiver: who.stranger },
        ],
      },
    );
    expect(summary(availableActions(e, ESCROW_ID, who.signer, NOW))).toEqual(
      expect.arrayContaining([
        'release-milestone#0:yes',
        'release-milestone#1:In dispute: wait for the dispute resolver',
      ]),
    );
    expect(summary(availableActions(e, ESCROW_ID, who.resolver, NOW))).toEqual(
      expect.arrayContaining(['resolve-milestone#0:There is no dispute on this milestone', 'resolve-milestone#1:yes']),
    );
  });

  it('refunds after the deadline, to funders only', () => {
    const e = escrow({ funded: 50n, balance: 50n }, { deadline: 500n });
    expect(summary(availableActions(e, ESCROW_ID, who.funder, NOW, { funding: 50n }))).toEqual([
      'fund:The deadline has passed',
      'refund:yes',
    ]);
    expect(summary(availableActions(e, ESCROW_ID, who.funder, 400n, { funding: 50n }))).toContain(
      'refund:The deadline has not passed yet',
    );
  });

  it('after a refund only funders are paid back; a mere funder is no party to disputes', () => {
    const e = escrow({ funded: 50n, balance: 20n, refunding: true, refunded: 30n }, { deadline: 500n });
    expect(summary(availableActions(e, ESCROW_ID, who.stranger, NOW))).toEqual([
      'fund:A refund has been claimed: the escrow now only pays funders back',
    ]);
    const open = escrow({ funded: 50n, balance: 50n });
    expect(summary(availableActions(open, ESCROW_ID, who.funder, NOW, { funding: 50n }))).not.toContain('dispute:yes');
    expect(summary(availableActions(open, ESCROW_ID, who.approver, NOW))).toContain('dispute:yes');
    expect(summary(availableActions(open, ESCROW_ID, who.resolver, NOW))).not.toContain('dispute:yes');
  });

  it('withdraws what remains once closed', () => {
    const e = escrow({ ...funded, released: true, balance: 5n });
    expect(summary(availableActions(e, ESCROW_ID, who.resolver, NOW))).toContain('withdraw:yes');
    expect(summary(availableActions(escrow(funded), ESCROW_ID, who.resolver, NOW))).toContain(
      'withdraw:Only after every milestone is released or resolved',
    );
  });

  it('links each step to its page', () => {
    const list = availableActions(escrow(funded), ESCROW_ID, who.provider, NOW);
    expect(list.find((a) => a.step === 'status')?.href).toBe(`/escrows/${ESCROW_ID}/milestones/0/status`);
    expect(list.find((a) => a.step === 'dispute')?.href).toBe(`/escrows/${ESCROW_ID}/dispute`);
  });
});
