import Link from 'next/link';
import type { ReactNode } from 'react';
import { loadEscrow, stepVerdict, type StepDefinition } from '@/lib/steps';
import type { Escrow } from '@/lib/escrow/types';
import type { NetworkConfig } from '@/lib/networks/config';
import type { TokenInfo } from '@/lib/stellar/rpc';
import { LoadError } from './load-error';
import { ChainText } from './chain-text';
import { Refusal } from './refusal';

export interface StepPageData {
  id: string;
  escrow: Escrow;
  token: TokenInfo;
  network: NetworkConfig;
  now: bigint;
  /** The milestone of a per-milestone step (checked against the escrow), null otherwise. */
  milestone: number | null;
  /** Why the step is not possible now, as far as the page can tell without the wallet. */
  refusal: string | null;
}

/**
 * The frame of every step page, from the step's definition: loads the escrow, titles the step,
 * links back, and guards it (no such milestone, wrong kind of escrow) before the page's body.
 */
export async function StepPage({
  id,
  step,
  index,
  children,
}: {
  id: string;
  step: StepDefinition;
  /** The milestone index from the URL, for a per-milestone step. */
  index?: string;
  children: (d: StepPageData) => ReactNode;
}) {
  const loaded = await loadEscrow(id);
  if (!loaded.ok) return <LoadError message={loaded.error.message} code={loaded.error.code} />;
  const { escrow, token, network, now } = loaded.data;
  const milestone = step.perMilestone ? milestoneParam(index ?? '', escrow) : null;
  const title = step.title(step.perMilestone ? Number(index) : null);
  let body: ReactNode;
  if (step.perMilestone && milestone === null) body = <Refusal reason="There is no such milestone" />;
  else if (!step.kinds.includes(escrow.config.kind)) body = <Refusal reason={step.wrongKind ?? null} />;
  else body = children({ id, escrow, token, network, now, milestone, refusal: stepVerdict(step, { escrow, milestone, address: null, now, funding: 0n }) });
  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/escrows/${id}`}>
          ← <ChainText text={escrow.config.title} />
        </Link>
      </nav>
      <h1 className="text-2xl font-bold">{title}</h1>
      {body}
    </div>
  );
}

/** A milestone index from the URL, or null when it is not one of this escrow's. */
function milestoneParam(raw: string, escrow: Escrow): number | null {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 0 && n < escrow.milestones.length ? n : null;
}
