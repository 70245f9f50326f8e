import { Keypair } from '@stellar/stellar-sdk';
import { describe, expect, it } from 'vitest';
import { TOKEN } from '../testing/fixtures';
import { formToConfig } from '../escrow/form-config';
import { escrowFormSchema } from '../schemas/steps';
import { partiesToName, roleFields, templateValues } from './apply';
import { findTemplate, TEMPLATE_IDS, TEMPLATES, type Party } from './templates';

const now = new Date('2030-01-01T00:00:00Z');
const protocolFee = { recipient: Keypair.random().publicKey(), bps: 30 };

/** A distinct account for every party the template names, as a person would fill them in. */
function filled(id: string) {
  const t = findTemplate(id);
  const addresses: Partial<Record<Party, string>> = {};
  for (const f of roleFields(t)) addresses[f.party] ??= Keypair.random().publicKey();
  const v = templateValues(t, { token: TOKEN, addresses, now });
  // Blank names no parties: each of its role fields gets its own account.
  for (const f of roleFields(t).filter((x) => x.party === '')) {
    const [list, i] = f.path.split('.') as ['approvers' | 'releaseSigners', string];
    if (i === undefined) v[f.path as 'platform'] = Keypair.random().publicKey();
    else v[list][Number(i)]!.address = Keypair.random().publicKey();
  }
  v.engagementId = 'ORDER-1';
  if (t.kind === 'Single') v.amount = '100';
  else v.milestones = v.milestones.map((m) => ({ ...m, amount: '10' }));
  if (!v.title) v.title = 'Something';
  if (!v.milestones[0]!.description) v.milestones[0]!.description = 'Done';
  return { t, v, addresses };
}

describe('use-case templates', () => {
  it('are listed once each, and an unknown id is the blank form', () => {
    expect(TEMPLATES.map((t) => t.id)).toEqual([...TEMPLATE_IDS]);
    expect(findTemplate('p2p').name).toBe('P2P / OTC trade');
    expect(findTemplate('nope').id).toBe('blank');
    expect(findTemplate(undefined).id).toBe('blank');
  });

  it.each(TEMPLATE_IDS.map((id) => [id]))(
    '%s, once its parties and amounts are filled in, is a config the create schema and the contract’s rules accept',
    (id) => {
      const { t, v } = filled(id);
      const parsed = escrowFormSchema(7).safeParse(v);
      expect(parsed.error?.issues ?? []).toEqual([]);
      const c = formToConfig(parsed.data!, { decimals: 7, token: TOKEN, protocolFee });
      // The contract's own config rules (contracts/escrow/README.md), checked here too.
      expect(new Set(c.roles.approvers).size).toBe(c.roles.approvers.length);
      expect(new Set(c.roles.releaseSigners).size).toBe(c.roles.releaseSigners.length);
      expect(c.roles.approvalsRequired).toBeGreaterThanOrEqual(1);
      expect(c.roles.approvalsRequired).toBeLessThanOrEqual(c.roles.approvers.length);
      expect(c.roles.releasesRequired).toBeLessThanOrEqual(c.roles.releaseSigners.length);
      expect(c.platformFeeBps + protocolFee.bps).toBeLessThanOrEqual(10_000);
      expect(c.milestones.length).toBeGreaterThanOrEqual(1);
      if (t.deadlineDays === null) expect(c.deadline).toBeNull();
      else expect(c.deadline).toBe(BigInt(now.getTime() / 1000 + t.deadlineDays * 86_400));
      expect(t.whoDoesWhat.length).toBeGreaterThan(80);
    },
  );

  it('fill in what each use case says', () => {
    const p2p = filled('p2p');
    expect(p2p.v.kind).toBe('Single');
    expect(p2p.v.releaseSigners.map((s) => s.address)).toEqual([
      p2p.addresses.you,
      p2p.addresses['the lawyer or agent'],
    ]);
    expect(p2p.v.releasesRequired).toBe(2);
    expect(p2p.v.receiver).toBe(p2p.addresses['the seller']);
    const grant = filled('grant');
    expect(grant.v.kind).toBe('Multi');
    expect([grant.v.approvers.length, grant.v.approvalsRequired]).toEqual([3, 2]);
    expect(grant.v.serviceProvider).toBe(grant.addresses['the grantee']);
    const freelance = filled('freelance');
    expect(freelance.v.disputeResolver).toBe(freelance.addresses.you);
    expect(freelance.v.approvers[0]!.address).toBe(freelance.addresses['the client']);
    expect(filled('deposit').v.deadline).not.toBe('');
    const crowd = filled('crowdfunding');
    expect([crowd.v.receiver, crowd.v.releaseSigners[0]!.address]).toEqual([crowd.addresses.you, crowd.addresses.you]);
  });

  it('leave unknown addresses and amounts empty, and list who must be named where', () => {
    const me = Keypair.random().publicKey();
    const v = templateValues(findTemplate('freelance'), { token: TOKEN, addresses: { you: me } });
    expect([v.platform, v.disputeResolver, v.serviceProvider, v.receiver, v.approvers[0]!.address]).toEqual([
      me,
      me,
      '',
      '',
      '',
    ]);
    expect(v.milestones.map((m) => m.amount)).toEqual(['', '']);
    expect(v.deadline).toBe('');
    expect(escrowFormSchema(7).safeParse(v).success).toBe(false);
    expect(partiesToName(findTemplate('freelance'))).toEqual([
      { party: 'the freelancer', labels: ['Service provider', 'Receiver'] },
      { party: 'the client', labels: ['Approver 1', 'Release signer 1'] },
    ]);
    expect(partiesToName(findTemplate('blank'))).toEqual([]);
  });
});
