import type { Metadata } from 'next';
import { getNetwork } from '@/lib/networks/server';
import { appReadModel } from '@/lib/indexer/server';
import { logDetail } from '@/lib/log';
import { dashboardHref, parseDashboardQuery } from '@/lib/db/queries/dashboard-query';
import { CursorError } from '@/lib/db/queries/page-cursor';
import { isAddress } from '@/lib/strkey';
import { ConnectPrompt } from '@/components/dashboard/connect-prompt';
import { DashboardView } from '@/components/dashboard/dashboard-view';
import { loadDashboard, type DashboardData } from '@/components/dashboard/load';
import { PARAM_LABELS } from '@/components/dashboard/labels';
import { Problem } from '@/components/dashboard/problem';
import { WalletNotice } from '@/components/dashboard/wallet-notice';

export const metadata: Metadata = { title: 'My escrows' };

type Search = Record<string, string | string[] | undefined>;

export default async function EscrowsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const raw = await searchParams;
  const heading = <h1 className="text-2xl font-bold">My escrows</h1>;
  if (!raw.address) {
    return (
      <div className="space-y-4">
        {heading}
        <ConnectPrompt />
      </div>
    );
  }
  const network = await getNetwork();
  const parsed = parseDashboardQuery(raw, network.name);
  const given = typeof raw.address === 'string' ? raw.address.trim() : '';
  const start = {
    href: dashboardHref(isAddress(given) ? { address: given } : {}),
    label: 'Start again without filters',
  };
  if (!parsed.ok) {
    const messages = Object.entries(parsed.fieldErrors).map(
      ([field, m]) => `${PARAM_LABELS[field] ?? field}: ${m!.join('; ')}`,
    );
    return (
      <div className="space-y-4">
        {heading}
        <Problem title="This dashboard link has values it cannot use" messages={messages} retry={start} />
      </div>
    );
  }
  let data: DashboardData | null = null;
  let problem: string | null = null;
  try {
    const rm = await appReadModel();
    data = await loadDashboard(rm.db, network, parsed.filter, parsed.page);
  } catch (e) {
    if (e instanceof CursorError) problem = e.message;
    else {
      logDetail('dashboard', e);
      problem = 'The list of escrows could not be read just now; reload the page in a moment.';
    }
  }
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        {heading}
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          Every escrow where <span className="break-all font-mono">{parsed.filter.address}</span> holds a role or has
          funded, whoever created it.
        </p>
      </header>
      <WalletNotice viewing={parsed.filter.address} />
      {data ? (
        <DashboardView query={parsed.query} data={data} />
      ) : (
        <Problem title="The dashboard could not be shown" messages={[problem!]} retry={start} />
      )}
    </div>
  );
}
