import { readEscrowEvents } from '@/lib/stellar/rpc';
import { milestoneReceiver } from '@/lib/escrow/types';
import { amountInDispute } from '@/lib/steps/distribution';
import type { StepPageData } from './step-page';
import { DistributionForm } from '../steps/distribution-form';

/** The distribution editor with the escrow's likely recipients: the receiver and the funders (from the events). */
export async function DistributionStep({
  data,
  mode,
  milestone,
}: {
  data: StepPageData;
  mode: 'resolve' | 'resolve-milestone' | 'withdraw';
  milestone: number | null;
}) {
  const { escrow, token, network, id } = data;
  const c = escrow.config;
  const funders = new Set<string>();
  try {
    for (const e of await readEscrowEvents(network, id)) {
      if (e.action === 'funded') for (const m of e.data.match(/G[A-Z2-7]{55}/g) ?? []) funders.add(m);
    }
  } catch {
    /* suggestions only */
  }
  const receiver = milestone === null ? c.roles.receiver : milestoneReceiver(c, milestone);
  const suggestions = [
    { label: 'Receiver', address: receiver },
    ...[...funders].filter((f) => f !== receiver).map((address) => ({ label: 'Funder', address })),
  ];
  return (
    <DistributionForm
      escrowId={id}
      mode={mode}
      milestone={milestone}
      total={amountInDispute({ escrow }, mode === 'resolve-milestone' ? milestone : null).toString()}
      decimals={token.decimals}
      symbol={token.label}
      token={token.contractId}
      rates={{ platformBps: c.platformFeeBps, protocolBps: c.protocolFee.bps }}
      suggestions={suggestions}
    />
  );
}
