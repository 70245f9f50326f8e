/** The read model's vocabularies in words, for the dashboard's filters, table and CSV link. */
import type { EscrowKind, EscrowStatus, Role } from '@/lib/db/vocabulary';

export const ROLE_LABELS: Record<Role, string> = {
  approver: 'Approver',
  service_provider: 'Service provider',
  release_signer: 'Release signer',
  dispute_resolver: 'Dispute resolver',
  platform: 'Platform',
  receiver: 'Receiver',
  milestone_receiver: 'Milestone receiver',
  funder: 'Funder',
};

export const STATUS_LABELS: Record<EscrowStatus, string> = {
  funding: 'Funding',
  in_progress: 'In progress',
  disputed: 'Disputed',
  released: 'Released',
  resolved: 'Resolved',
  refunding: 'Refunding',
};

export const KIND_LABELS: Record<EscrowKind, string> = {
  single: 'Single release',
  multi: 'Multi release',
};

/** The dashboard URL's parameters, as a person knows them from the form. */
export const PARAM_LABELS: Record<string, string> = {
  address: 'Address',
  role: 'Your role',
  status: 'Status',
  kind: 'Kind',
  token: 'Token',
  from: 'Created from',
  to: 'Created until',
  q: 'Search',
  sort: 'Sort by',
  order: 'Order',
  after: 'Page link',
  before: 'Page link',
  _form: 'Link',
};
