import { bpsToPercent } from '@/lib/amounts';
import type { Escrow } from '@/lib/escrow/types';
import { milestoneReceiver, targetAmount } from '@/lib/escrow/types';
import type { TokenInfo } from '@/lib/stellar/rpc';
import { AddressText } from '../escrow/address-text';
import { Amount } from '../escrow/amount';
import { ChainText } from '../escrow/chain-text';
import { RoleList } from '../escrow/role-list';
import { formatChainTime } from '@/lib/text';

const dt = 'text-zinc-600 dark:text-zinc-400';

/**
 * The terms a funding binds to, with their version: the fund call names this version, and
 * the contract refuses it if the platform changed the terms since this page was rendered.
 */
export function FundTerms({
  escrow,
  token,
  explorerUrl,
}: {
  escrow: Escrow;
  token: TokenInfo;
  explorerUrl: string | null;
}) {
  const c = escrow.config;
  const r = c.roles;
  const a = (u: bigint) => <Amount units={u} decimals={token.decimals} symbol={token.label} />;
  const who = (x: string) => <AddressText key={x} address={x} explorerUrl={explorerUrl} />;
  return (
    <section
      aria-labelledby="fund-terms"
      className="space-y-2 rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900"
      data-testid="fund-terms"
    >
      <h2 id="fund-terms" className="text-lg font-semibold">
        The terms you fund (version <span data-testid="terms-version">{escrow.termsVersion}</span>)
      </h2>
      <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
        <dt className={dt}>Total</dt>
        <dd data-testid="terms-total">{a(targetAmount(c))}</dd>
        <RoleList roles={r} show={['receiver']} explorerUrl={explorerUrl} testIds={{ receiver: 'terms-receiver' }} />
        <dt className={dt}>Platform fee</dt>
        <dd>{bpsToPercent(c.platformFeeBps)} %</dd>
        <dt className={dt}>Protocol fee</dt>
        <dd>{bpsToPercent(c.protocolFee.bps)} %</dd>
        <RoleList roles={r} show={['approvers', 'releaseSigners', 'disputeResolver']} explorerUrl={explorerUrl} />
        <dt className={dt}>Deadline</dt>
        <dd>{c.deadline === null ? 'none (no refunds)' : formatChainTime(c.deadline)}</dd>
      </dl>
      <ol className="list-decimal space-y-0.5 pl-5 text-sm">
        {c.milestones.map((m, i) => (
          <li key={i}>
            <ChainText text={m.description} />
            {c.kind === 'Multi' ? (
              <>
                {' '}
                — {a(m.amount)}
                {m.receiver ? <>, to {who(milestoneReceiver(c, i))}</> : null}
              </>
            ) : null}
          </li>
        ))}
      </ol>
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        Your funding names this version: if the platform changes the terms before it lands, nothing moves and this page
        shows the new terms.
      </p>
    </section>
  );
}
