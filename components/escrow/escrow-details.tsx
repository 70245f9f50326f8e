import type { Escrow } from '@/lib/escrow/types';
import { milestoneReceiver, targetAmount } from '@/lib/escrow/types';
import { splitFees } from '@/lib/fees';
import { bpsToPercent, displayAmount } from '@/lib/amounts';
import type { TokenInfo } from '@/lib/stellar/rpc';
import { Amount } from './amount';
import { AddressText } from './address-text';
import { ChainText } from './chain-text';
import { RoleList } from './role-list';
import type { ReactNode } from 'react';

function Flag({ on, label }: { on: boolean; label: ReactNode }) {
  return on ? <span className="rounded bg-zinc-200 px-1.5 py-0.5 text-xs dark:bg-zinc-700">{label}</span> : null;
}

/** The escrow's on-chain state: amounts, milestones, roles and the fee breakdown. */
export function EscrowDetails({
  escrow,
  token,
  explorerUrl,
}: {
  escrow: Escrow;
  token: TokenInfo;
  explorerUrl: string | null;
}) {
  const c = escrow.config;
  const a = (u: bigint) => <Amount units={u} decimals={token.decimals} symbol={token.label} />;
  const total = targetAmount(c);
  const fees = splitFees(total, { platformBps: c.platformFeeBps, protocolBps: c.protocolFee.bps });
  const r = c.roles;
  return (
    <div className="space-y-6">
      <section aria-labelledby="amounts" className="grid gap-3 sm:grid-cols-4">
        <h2 id="amounts" className="sr-only">
          Amounts
        </h2>
        {[
          ['Total', total],
          ['Funded', escrow.funded],
          ['Paid out', escrow.paidOut],
          ['Balance', escrow.balance],
        ].map(([label, v]) => (
          <div
            key={label as string}
            className="rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900"
          >
            <div className="text-xs text-zinc-600 dark:text-zinc-400">{label as string}</div>
            <div className="font-semibold" data-testid={`amount-${(label as string).toLowerCase().replace(' ', '-')}`}>
              {a(v as bigint)}
            </div>
          </div>
        ))}
      </section>
      <div className="flex flex-wrap gap-2">
        <Flag on={escrow.released} label="Released" />
        <Flag on={escrow.resolved} label="Resolved" />
        <Flag
          on={escrow.disputed}
          label={
            <>
              Disputed: <ChainText text={escrow.disputeReason} />
            </>
          }
        />
        <Flag
          on={escrow.refunding}
          label={`Refunding: ${displayAmount(escrow.refunded, token.decimals)} ${token.label} refunded`}
        />
      </div>

      <section aria-labelledby="milestones" className="space-y-2">
        <h2 id="milestones" className="text-lg font-semibold">
          Milestones
        </h2>
        <ol className="space-y-2">
          {escrow.milestones.map((m, i) => (
            <li
              key={i}
              className="rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900"
              data-testid={`milestone-${i}`}
            >
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <span className="font-medium">
                  {i + 1}. <ChainText text={c.milestones[i]?.description ?? ''} />
                </span>
                {c.kind === 'Multi' ? <span>{a(c.milestones[i]!.amount)}</span> : null}
              </div>
              <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 text-sm">
                <dt className="text-zinc-600 dark:text-zinc-400">Status</dt>
                <dd data-testid={`milestone-${i}-status`}>
                  {m.status ? <ChainText text={m.status} /> : 'not marked yet'}
                </dd>
                {m.evidence ? (
                  <>
                    <dt className="text-zinc-600 dark:text-zinc-400">Evidence</dt>
                    <dd className="break-all">
                      <ChainText text={m.evidence} />
                    </dd>
                  </>
                ) : null}
                <dt className="text-zinc-600 dark:text-zinc-400">Approvals</dt>
                <dd>
                  {m.approvals.length} of {r.approvalsRequired}
                  {m.approved ? ' — approved' : ''}
                </dd>
                {c.kind === 'Multi' ? (
                  <>
                    <dt className="text-zinc-600 dark:text-zinc-400">Receiver</dt>
                    <dd>
                      <AddressText address={milestoneReceiver(c, i)} explorerUrl={explorerUrl} />
                    </dd>
                  </>
                ) : null}
              </dl>
              <div className="mt-1 flex flex-wrap gap-2">
                <Flag on={m.released} label="Released" />
                <Flag on={m.resolved} label="Resolved" />
                <Flag
                  on={m.disputed}
                  label={
                    <>
                      Disputed: <ChainText text={m.disputeReason} />
                    </>
                  }
                />
              </div>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="roles" className="space-y-2">
        <h2 id="roles" className="text-lg font-semibold">
          Roles
        </h2>
        <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
          <RoleList
            roles={r}
            show={['approvers', 'serviceProvider', 'releaseSigners', 'receiver', 'disputeResolver', 'platform']}
            explorerUrl={explorerUrl}
          />
        </dl>
      </section>

      <section aria-labelledby="fees" className="space-y-2">
        <h2 id="fees" className="text-lg font-semibold">
          Fees on a full payout
        </h2>
        <table className="text-sm">
          <tbody>
            <tr>
              <th scope="row" className="pr-4 text-left font-normal text-zinc-600 dark:text-zinc-400">
                Receiver gets
              </th>
              <td>{a(fees.net)}</td>
            </tr>
            <tr>
              <th scope="row" className="pr-4 text-left font-normal text-zinc-600 dark:text-zinc-400">
                Platform fee ({bpsToPercent(c.platformFeeBps)} %)
              </th>
              <td>{a(fees.platform)}</td>
            </tr>
            <tr>
              <th scope="row" className="pr-4 text-left font-normal text-zinc-600 dark:text-zinc-400">
                Protocol fee ({bpsToPercent(c.protocolFee.bps)} %)
              </th>
              <td>{a(fees.protocol)}</td>
            </tr>
          </tbody>
        </table>
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          Money returned to a funder in a resolution or refund bears no fee.
        </p>
      </section>
    </div>
  );
}
