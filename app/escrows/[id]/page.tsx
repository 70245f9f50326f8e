import type { Metadata } from 'next';
import { loadEscrowPage } from '@/lib/escrow/load';
import { readEscrowEvents, type EscrowEvent } from '@/lib/stellar/rpc';
import { EscrowDetails } from '@/components/escrow/escrow-details';
import { ActionPanel } from '@/components/escrow/action-panel';
import { Timeline } from '@/components/escrow/timeline';
import { LoadError } from '@/components/escrow/load-error';
import { AddressText } from '@/components/escrow/address-text';
import { Confirmed } from '@/components/escrow/confirmed';
import { AccountHelper } from '@/components/escrow/account-helper';

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
  const loaded = await loadEscrowPage(id);
  if (!loaded.ok) return <LoadError message={loaded.message} code={loaded.code} />;
  const { escrow, token, network, now } = loaded;
  let events: EscrowEvent[] = [];
  let eventsError: string | undefined;
  try {
    events = await readEscrowEvents(network, id);
  } catch (e) {
    eventsError = (e as Error).message;
  }
  const c = escrow.config;
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {c.kind === 'Single' ? 'Single-release' : 'Multi-release'} escrow · {token.symbol} · engagement {c.engagementId}
          {c.deadline !== null ? ` · deadline ${new Date(Number(c.deadline) * 1000).toISOString().replace('T', ' ').slice(0, 16)} UTC` : ''}
        </p>
        <h1 className="text-2xl font-bold" data-testid="escrow-title">
          {c.title}
        </h1>
        {c.description ? <p className="text-zinc-700 dark:text-zinc-300">{c.description}</p> : null}
        <AddressText address={id} explorerUrl={network.explorerUrl} />
      </header>
      {done && tx && /^[0-9a-f]{64}$/.test(tx) ? <Confirmed step={done} hash={tx} explorerUrl={network.explorerUrl} /> : null}
      <ActionPanel escrow={escrow} id={id} now={now} />
      <AccountHelper token={token.contractId} />
      <EscrowDetails escrow={escrow} token={token} explorerUrl={network.explorerUrl} />
      <Timeline events={events} explorerUrl={network.explorerUrl} error={eventsError} />
    </div>
  );
}
