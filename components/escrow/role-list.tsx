import { Fragment } from 'react';
import type { Roles } from '@/lib/escrow/types';
import { AddressText } from './address-text';

/** A role of the escrow, as a row of a role list. */
export type RoleKey = 'approvers' | 'serviceProvider' | 'releaseSigners' | 'receiver' | 'disputeResolver' | 'platform';

const LABELS: Record<RoleKey, (r: Roles) => string> = {
  approvers: (r) => `Approvers (${r.approvalsRequired} of ${r.approvers.length})`,
  serviceProvider: () => 'Service provider',
  releaseSigners: (r) => `Release signers (${r.releasesRequired} of ${r.releaseSigners.length})`,
  receiver: () => 'Receiver',
  disputeResolver: () => 'Dispute resolver',
  platform: () => 'Platform',
};

/**
 * The `show` roles of an escrow as term/description rows, to go inside a `<dl>` (the escrow's
 * details and the terms a funding binds to list them alike). `testIds` names a role's address
 * cell, e.g. `{ receiver: 'terms-receiver' }`.
 */
export function RoleList({
  roles,
  show,
  explorerUrl,
  testIds = {},
}: {
  roles: Roles;
  show: readonly RoleKey[];
  explorerUrl: string | null;
  testIds?: Partial<Record<RoleKey, string>>;
}) {
  return (
    <>
      {show.map((key) => {
        const value = roles[key];
        const list = Array.isArray(value);
        return (
          <Fragment key={key}>
            <dt className="text-zinc-600 dark:text-zinc-400">{LABELS[key](roles)}</dt>
            <dd className={list ? 'space-y-0.5' : undefined} data-testid={testIds[key]}>
              {(list ? value : [value]).map((x) => (
                <AddressText key={x} address={x} explorerUrl={explorerUrl} />
              ))}
            </dd>
          </Fragment>
        );
      })}
    </>
  );
}
