/** The lifecycle steps, each with its own page, schema and server action. */
export const STEPS = [
  'fund',
  'status',
  'approve',
  'release',
  'release-milestone',
  'dispute',
  'dispute-milestone',
  'resolve',
  'resolve-milestone',
  'withdraw',
  'refund',
  'edit',
] as const;
export type Step = (typeof STEPS)[number];

/** Steps that act on one milestone and carry its index. */
export const MILESTONE_STEPS: ReadonlySet<Step> = new Set([
  'status',
  'approve',
  'release-milestone',
  'dispute-milestone',
  'resolve-milestone',
]);

const LABELS: Record<Step, string> = {
  fund: 'Fund',
  status: 'Mark milestone',
  approve: 'Approve milestone',
  release: 'Release funds',
  'release-milestone': 'Release milestone',
  dispute: 'Raise a dispute',
  'dispute-milestone': 'Dispute milestone',
  resolve: 'Resolve dispute',
  'resolve-milestone': 'Resolve milestone dispute',
  withdraw: 'Withdraw remaining funds',
  refund: 'Claim refund',
  edit: 'Edit escrow',
};

export function stepLabel(step: Step, milestone?: number): string {
  return milestone === undefined ? LABELS[step] : `${LABELS[step]} ${milestone + 1}`;
}

/** The page of a step. */
export function stepHref(escrowId: string, step: Step, milestone?: number): string {
  const base = `/escrows/${escrowId}`;
  switch (step) {
    case 'status':
      return `${base}/milestones/${milestone}/status`;
    case 'approve':
      return `${base}/milestones/${milestone}/approve`;
    case 'release-milestone':
      return `${base}/milestones/${milestone}/release`;
    case 'dispute-milestone':
      return `${base}/milestones/${milestone}/dispute`;
    case 'resolve-milestone':
      return `${base}/milestones/${milestone}/resolve`;
    default:
      return `${base}/${step}`;
  }
}
