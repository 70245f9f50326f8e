/**
 * Use-case templates for the create form, as data: each names who plays which role (`you`, the
 * person creating it, or a party they will name), the thresholds, the milestones, the fee and the
 * deadline. `apply.ts` turns one into form values; every value stays editable in the form.
 */

/** Who plays a role: `you` (the connected wallet), another party by name, or nobody yet (blank). */
export type Party = 'you' | `the ${string}` | '';

export interface EscrowTemplate {
  id: TemplateId;
  name: string;
  /** One line for the chooser. */
  tagline: string;
  /** One paragraph: who does what, in the words of the use case. */
  whoDoesWhat: string;
  kind: 'Single' | 'Multi';
  title: string;
  description: string;
  milestones: string[];
  roles: {
    platform: Party;
    serviceProvider: Party;
    receiver: Party;
    disputeResolver: Party;
    approvers: Party[];
    releaseSigners: Party[];
  };
  approvalsRequired: number;
  releasesRequired: number;
  platformFeePercent: string;
  /** Days from now until funders may take back what was not paid out; null for no deadline. */
  deadlineDays: number | null;
}

export const TEMPLATE_IDS = ['freelance', 'p2p', 'deposit', 'grant', 'crowdfunding', 'blank'] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

export const TEMPLATES: readonly EscrowTemplate[] = [
  {
    id: 'freelance',
    name: 'Freelance job with milestones',
    tagline: 'A client pays a freelancer milestone by milestone; your platform settles disputes.',
    whoDoesWhat:
      'You run the platform: you create the escrow, take the platform fee and resolve disputes. The client funds it and, for each milestone, approves the work and releases that milestone’s payment. The freelancer marks each milestone done and is paid as each one is released. If nothing is released by the deadline, the client can take back what is left.',
    kind: 'Multi',
    title: 'Freelance job',
    description: 'Work paid in milestones: each is approved and released by the client.',
    milestones: ['First draft', 'Final delivery'],
    roles: {
      platform: 'you',
      serviceProvider: 'the freelancer',
      receiver: 'the freelancer',
      disputeResolver: 'you',
      approvers: ['the client'],
      releaseSigners: ['the client'],
    },
    approvalsRequired: 1,
    releasesRequired: 1,
    platformFeePercent: '2.5',
    deadlineDays: 90,
  },
  {
    id: 'p2p',
    name: 'P2P / OTC trade',
    tagline: 'You buy from a seller; you and your lawyer or agent must both sign the release.',
    whoDoesWhat:
      'You are the buyer: you create and fund the escrow. The seller delivers (say, sends the other asset) and marks it done; you approve it. The payment goes to the seller only when both release signers sign: you and your lawyer or agent. A mediator you both trust resolves a dispute. If the trade has not happened by the deadline, you take your money back.',
    kind: 'Single',
    title: 'OTC trade',
    description: 'Paid to the seller once the delivery is confirmed and both release signers sign.',
    milestones: ['Seller delivers'],
    roles: {
      platform: 'you',
      serviceProvider: 'the seller',
      receiver: 'the seller',
      disputeResolver: 'the mediator',
      approvers: ['you'],
      releaseSigners: ['you', 'the lawyer or agent'],
    },
    approvalsRequired: 1,
    releasesRequired: 2,
    platformFeePercent: '0',
    deadlineDays: 7,
  },
  {
    id: 'deposit',
    name: 'Security deposit',
    tagline: 'A tenant’s deposit that returns to them unless the landlord’s claim is agreed.',
    whoDoesWhat:
      'You are the landlord: you create the escrow and the tenant funds it with the deposit. At the end of the lease you may claim the deposit (mark the milestone); it is paid to you only if the tenant approves and releases it. A mediator decides a partial claim in a dispute. If nobody acts by the deadline, the tenant takes the whole deposit back.',
    kind: 'Single',
    title: 'Security deposit',
    description: 'Returned to the tenant after the deadline unless a claim is agreed or decided.',
    milestones: ['Landlord’s claim at the end of the lease'],
    roles: {
      platform: 'you',
      serviceProvider: 'you',
      receiver: 'you',
      disputeResolver: 'the mediator',
      approvers: ['the tenant'],
      releaseSigners: ['the tenant'],
    },
    approvalsRequired: 1,
    releasesRequired: 1,
    platformFeePercent: '0',
    deadlineDays: 395,
  },
  {
    id: 'grant',
    name: 'Grant with tranches',
    tagline: 'A grant paid in tranches, each approved by 2 of a 3-member committee.',
    whoDoesWhat:
      'You run the grant programme: you create and fund the escrow, release each tranche and resolve disputes. The grantee reports each tranche’s work (marks it done) and receives it. Each tranche needs the approval of two of the three committee members before you can release it. What is not paid out by the deadline comes back to the funders.',
    kind: 'Multi',
    title: 'Grant',
    description: 'Paid in tranches, each approved by 2 of 3 committee members.',
    milestones: ['Tranche 1: kick-off', 'Tranche 2: mid-term report', 'Tranche 3: final report'],
    roles: {
      platform: 'you',
      serviceProvider: 'the grantee',
      receiver: 'the grantee',
      disputeResolver: 'you',
      approvers: ['the first committee member', 'the second committee member', 'the third committee member'],
      releaseSigners: ['you'],
    },
    approvalsRequired: 2,
    releasesRequired: 1,
    platformFeePercent: '0',
    deadlineDays: 365,
  },
  {
    id: 'crowdfunding',
    name: 'Crowdfunding goal',
    tagline: 'Many funders towards a goal; refunds for all if it is not reached in time.',
    whoDoesWhat:
      'You organise the campaign: you create the escrow and set the goal as its amount. Anyone can fund it. You mark, approve and release the funds to yourself, which the contract allows only once the goal is fully funded. If the goal is not reached by the deadline, every funder claims their contribution back. A mediator settles a funder’s dispute.',
    kind: 'Single',
    title: 'Crowdfunding campaign',
    description: 'Released to the organiser only when the goal is reached; otherwise every funder is refunded.',
    milestones: ['Goal reached'],
    roles: {
      platform: 'you',
      serviceProvider: 'you',
      receiver: 'you',
      disputeResolver: 'the mediator',
      approvers: ['you'],
      releaseSigners: ['you'],
    },
    approvalsRequired: 1,
    releasesRequired: 1,
    platformFeePercent: '0',
    deadlineDays: 30,
  },
  {
    id: 'blank',
    name: 'Blank',
    tagline: 'Every role, threshold and milestone of your own.',
    whoDoesWhat:
      'Design the escrow yourself: the platform creates it, the service provider marks milestones, approvers approve them, release signers release the funds to the receiver, and the dispute resolver settles disputes.',
    kind: 'Single',
    title: '',
    description: '',
    milestones: [''],
    roles: {
      platform: '',
      serviceProvider: '',
      receiver: '',
      disputeResolver: '',
      approvers: [''],
      releaseSigners: [''],
    },
    approvalsRequired: 1,
    releasesRequired: 1,
    platformFeePercent: '0',
    deadlineDays: null,
  },
];

/** The template of that id (as linked: `/escrows/new?template=p2p`), or the blank one. */
export function findTemplate(id: string | string[] | undefined | null): EscrowTemplate {
  return TEMPLATES.find((t) => t.id === id) ?? TEMPLATES.find((t) => t.id === 'blank')!;
}
