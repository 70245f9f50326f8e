import Link from 'next/link';
import type { ReactNode } from 'react';
import { loadEscrowPage } from '@/lib/escrow/load';
import type { Escrow } from '@/lib/escrow/types';
import type { NetworkConfig } from '@/lib/networks/config';
import type { TokenInfo } from '@/lib/stellar/rpc';
import { LoadError } from './load-error';
import { ChainText } from './chain-text';

export interface StepPageData {
  id: string;
  escrow: Escrow;
  token: TokenInfo;
  network: NetworkConfig;
  now: bigint;
}

/** The frame of every step page: loads the escrow, titles the step, links back. */
export async function StepPage({ id, title, children }: { id: string; title: string; children: (d: StepPageData) => ReactNode }) {
  const loaded = await loadEscrowPage(id);
  if (!loaded.ok) return <LoadError message={loaded.message} code={loaded.code} />;
  const { escrow, token, network, now } = loaded;
  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/escrows/${id}`}>
          ← <ChainText text={escrow.config.title} />
        </Link>
      </nav>
      <h1 className="text-2xl font-bold">{title}</h1>
      {children({ id, escrow, token, network, now })}
    </div>
  );
}

/** A milestone index from the URL, or null when it is not one of this escrow's. */
export function milestoneParam(raw: string, escrow: Escrow): number | null {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 0 && n < escrow.milestones.length ? n : null;
}
