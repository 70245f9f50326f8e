'use client';
/** Everything the connected address may do now with this escrow, across all its roles, and what it may not yet (with why). */
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { fundingOf } from '@/lib/actions/funding-of';
import { availableActions } from '@/lib/steps/available';
import type { Escrow } from '@/lib/escrow/types';
import { useWallet } from '../wallet/wallet-provider';

export function ActionPanel({ escrow, id, now }: { escrow: Escrow; id: string; now: bigint }) {
  const { address } = useWallet();
  const [funding, setFunding] = useState<bigint>(0n);
  useEffect(() => {
    if (!address) return;
    let live = true;
    void fundingOf({ escrowId: id, addresses: [address] }).then((r) => {
      if (live && r.ok) setFunding(BigInt(r.data[address] ?? '0'));
    });
    return () => {
      live = false;
    };
  }, [address, id]);

  const actions = availableActions(escrow, id, address, now, { funding });
  const allowed = actions.filter((a) => a.allowed);
  const blocked = actions.filter((a) => !a.allowed);
  return (
    <section
      aria-labelledby="actions"
      className="space-y-3 rounded-lg border border-indigo-200 bg-indigo-50 p-4 dark:border-indigo-900 dark:bg-indigo-950"
      data-testid="action-panel"
    >
      <h2 id="actions" className="text-lg font-semibold">
        What you can do
      </h2>
      {!address ? <p className="text-sm">Connect a wallet (top right) to see the steps you may take.</p> : null}
      {address && allowed.length === 0 ? <p className="text-sm">Nothing for this address right now.</p> : null}
      {allowed.length ? (
        <ul className="flex flex-wrap gap-2">
          {allowed.map((a) => (
            <li key={a.href}>
              <Link
                href={a.href}
                className="inline-block rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-semibold text-white no-underline hover:bg-indigo-500"
              >
                {a.label}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      {blocked.length ? (
        <div>
          <h3 className="text-sm font-medium">Not yet</h3>
          <ul className="text-sm text-zinc-700 dark:text-zinc-300" data-testid="blocked-actions">
            {blocked.map((a) => (
              <li key={a.href}>
                {a.label}: {a.reason}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
