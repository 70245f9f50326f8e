'use client';
/** Says so when the dashboard on screen is not the connected wallet's, with a link to the wallet's own. */
import Link from 'next/link';
import { dashboardHref } from '@/lib/db/queries/dashboard-query';
import { useWallet } from '../wallet/wallet-provider';

export function WalletNotice({ viewing }: { viewing: string }) {
  const { address } = useWallet();
  if (!address || address === viewing) return null;
  return (
    <p
      className="rounded-md border border-zinc-300 bg-zinc-50 p-3 text-sm dark:border-zinc-700 dark:bg-zinc-900"
      data-testid="wallet-notice"
    >
      These are another address’s escrows; your wallet is connected as{' '}
      <span className="break-all font-mono">{address}</span>.{' '}
      <Link href={dashboardHref({ address })}>Show my escrows</Link>
    </p>
  );
}
