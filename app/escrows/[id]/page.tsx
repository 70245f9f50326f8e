import type { Metadata } from 'next';
import { loadEscrow } from '@/lib/steps';
import { logDetail } from '@/lib/log';
import { loadTimeline } from '@/lib/indexer/timeline';
import { appReadModel } from '@/lib/indexer/server';
import { formatChainTime } from '@/lib/text';
import { EscrowDetails } from '@/components/escrow/escrow-details';
import { ActionPanel } from '@/components/escrow/action-panel';
import { Timeline } from '@/components/escrow/timeline';
import { LoadError } from '@/components/escrow/load-error';
import { AddressText } from '@/components/escrow/address-text';
import { Confirmed, confirmedEvent } from '@/components/escrow/confirmed';
import { AccountHelper } from '@/components/escrow/account-helper';
import { ChainText } from '@/components/escrow/chain-text';
import { TokenIdentity } from '@/components/escrow/token-identity';

export const metadata: Metadata = { title: 'Escrow' };

export default async function EscrowPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ done?: string; tx?: string }>;
}) {
  const { id } = await params;
  const { done, tx } = await searchParams;
  const loaded = await loadEscrow(id);
  if (!loaded.ok) return <LoadError message={loaded.error.message} code={loaded.error.code} />;
  const { escrow, token, network, now } = loaded.data;
  const rm = await appReadModel().catch((e: unknown) => (logDetail('read model', e), null));
  const { events, note, error: eventsError } = await loadTimeline(rm?.db ?? null, network, id);
  const confirmed = confirmedEvent(
    events,
    typeof done === 'string' ? done : undefined,
    typeof tx === 'string' ? tx : undefined,
  );
  const c = escrow.config;
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {c.kind === 'Single' ? 'Single-release' : 'Multi-release'} escrow · {token.label} · engagement{' '}
          <ChainText text={c.engagementId} />
          {c.deadline !== null ? ` · deadline ${formatChainTime(c.deadline)}` : ''}
        </p>
        <h1 className="text-2xl font-bold" data-testid="escrow-title">
          <ChainText text={c.title} />
        </h1>
        {c.description ? (
          <p className="text-zinc-700 dark:text-zinc-300">
            <ChainText text={c.description} />
          </p>
        ) : null}
        <AddressText address={id} explorerUrl={network.explorerUrl} />
        <TokenIdentity token={token} />
      </header>
      {confirmed ? <Confirmed name={confirmed.name} hash={confirmed.hash} explorerUrl={network.explorerUrl} /> : null}
      <ActionPanel escrow={escrow} id={id} now={now} />
      <AccountHelper token={token.contractId} />
      <EscrowDetails escrow={escrow} token={token} explorerUrl={network.explorerUrl} />
      <Timeline events={events} explorerUrl={network.explorerUrl} error={eventsError} note={note} />
    </div>
  );
}
