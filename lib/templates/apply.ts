/** A template → the create form's values, and which fields each party fills in. Pure. */
import type { EscrowFormInput } from '../schemas/steps';
import type { EscrowTemplate, Party } from './templates';

/** A role's address field in the create form, by its form path and its label there. */
export interface RoleField {
  path:
    | 'platform'
    | 'serviceProvider'
    | 'receiver'
    | 'disputeResolver'
    | `approvers.${number}.address`
    | `releaseSigners.${number}.address`;
  label: string;
  party: Party;
}

export function roleFields(t: EscrowTemplate): RoleField[] {
  const r = t.roles;
  return [
    { path: 'platform', label: 'Platform', party: r.platform },
    { path: 'serviceProvider', label: 'Service provider', party: r.serviceProvider },
    { path: 'receiver', label: 'Receiver', party: r.receiver },
    { path: 'disputeResolver', label: 'Dispute resolver', party: r.disputeResolver },
    ...r.approvers.map((party, i) => ({ path: `approvers.${i}.address` as const, label: `Approver ${i + 1}`, party })),
    ...r.releaseSigners.map((party, i) => ({
      path: `releaseSigners.${i}.address` as const,
      label: `Release signer ${i + 1}`,
      party,
    })),
  ];
}

/** The parties other than you, each with the fields where their address goes (in form order). */
export function partiesToName(t: EscrowTemplate): { party: Party; labels: string[] }[] {
  const out = new Map<Party, string[]>();
  for (const f of roleFields(t)) {
    if (f.party === 'you' || f.party === '') continue;
    out.set(f.party, [...(out.get(f.party) ?? []), f.label]);
  }
  return [...out].map(([party, labels]) => ({ party, labels }));
}

export interface TemplateContext {
  /** The token's contract id (or CODE:ISSUER). */
  token: string;
  /** Known addresses by party (`you` is the connected wallet); the others stay empty for the user. */
  addresses?: Partial<Record<Party, string>>;
  /** When set, the deadline is `deadlineDays` after it (ISO, UTC); otherwise left empty. */
  now?: Date;
}

/** The form's values for a template; amounts and unknown addresses are left for the user. */
export function templateValues(t: EscrowTemplate, ctx: TemplateContext): EscrowFormInput {
  const at = (party: Party) => (party ? (ctx.addresses?.[party] ?? '') : '');
  return {
    kind: t.kind,
    title: t.title,
    engagementId: '',
    description: t.description,
    token: ctx.token,
    amount: '',
    milestones: t.milestones.map((description) => ({ description, amount: '', receiver: '' })),
    approvers: t.roles.approvers.map((p) => ({ address: at(p) })),
    approvalsRequired: t.approvalsRequired,
    serviceProvider: at(t.roles.serviceProvider),
    releaseSigners: t.roles.releaseSigners.map((p) => ({ address: at(p) })),
    releasesRequired: t.releasesRequired,
    disputeResolver: at(t.roles.disputeResolver),
    platform: at(t.roles.platform),
    receiver: at(t.roles.receiver),
    platformFeePercent: t.platformFeePercent,
    deadline:
      ctx.now && t.deadlineDays !== null ? new Date(ctx.now.getTime() + t.deadlineDays * 86_400_000).toISOString() : '',
  };
}
