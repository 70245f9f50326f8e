'use client';
/** The home page's "your escrows" for the connected wallet: the newest few and what waits on it, with the way to the dashboard. */
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { myEscrowsSummary, type MyEscrowsSummary } from '@/lib/actions/my-escrows-summary';
import { dashboardHref } from '@/lib/db/queries/dashboard-query';
import { ChainText } from '@/components/escrow/chain-text';
import { useWallet } from '../wallet/wallet-provider';

type Loaded = { address: string } & ({ ok: true; data: MyEscrowsSummary } | { ok: false; message: string });

export function YourEscrows() {
  const { address } = useWallet();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  useEffect(() => {
    if (!address) return;
    let live = true;
    void myEscrowsSummary({ address })
      .then((r) => (r.ok ? { ok: true as const, data: r.data } : { ok: false as const, message: r.error.message }))
      .catch(() => ({ ok: false as const, message: 'Your escrows could not be read just now; reload in a moment.' }))
      .then((r) => {
        if (live) setLoaded({ address, ...r });
      });
    return () => {
      live = false;
    };
  }, [address]);
  if (!address) return null;
  const mine = loaded?.address === address ? loaded : null;
  const href = dashboardHref({ address });
  return (
    <section aria-labelledby="your-escrows" className="space-y-3" data-testid="your-escrows">
      <h2 id="your-escrows" className="text-xl font-semibold">
        Your escrows
      </h2>
      {!mine ? <p className="text-sm">Loading…</p> : null}
      {mine && !mine.ok ? <p role="alert">{mine.message}</p> : null}
      {mine?.ok ? (
        <>
          <p className="text-sm" data-testid="your-escrows-count">
            {mine.data.total === 0
              ? 'No escrow names this address yet.'
              : `${mine.data.total} escrow${mine.data.total === 1 ? '' : 's'}; ${mine.data.needsAction}${
                  mine.data.complete ? '' : '+'
                } need${mine.data.needsAction === 1 ? 's' : ''} your action.`}
          </p>
          {mine.data.newest.length ? (
            <ul className="space-y-1 text-sm">
              {mine.data.newest.map((e) => (
                <li key={e.id}>
                  <Link href={`/escrows/${e.id}`}>
                    <ChainText text={e.title || 'Untitled escrow'} />
                  </Link>{' '}
                  · {e.status} · {e.amount}
                  {e.needsAction ? (
                    <strong className="text-amber-800 dark:text-amber-300"> · needs your action</strong>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : null}
          <Link href={href}>See all your escrows</Link>
        </>
      ) : null}
    </section>
  );
}
