'use client';
/**
 * `/escrows` without an address: as soon as a wallet is connected, the page moves to that
 * address's dashboard (the address stays in the URL, so the link and its CSV can be shared);
 * without one it says how to get there, or takes any address by hand.
 */
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { buttonClass, inputClass } from '@/components/forms/styles';
import { useWallet } from '../wallet/wallet-provider';
import { dashboardHref } from '@/lib/db/queries/dashboard-query';

export function ConnectPrompt() {
  const { address, ready } = useWallet();
  const router = useRouter();
  useEffect(() => {
    if (address) router.replace(dashboardHref({ address }));
  }, [address, router]);
  return (
    <div className="space-y-4" data-testid="connect-prompt">
      <p>
        {address
          ? 'Opening your escrows…'
          : ready
            ? 'Connect a wallet (top right) to see every escrow you take part in: as approver, service provider, signer, resolver, platform, receiver or funder.'
            : 'Looking for your wallet…'}
      </p>
      <form action="/escrows" method="get" className="flex max-w-2xl flex-wrap items-end gap-3">
        <label className="block flex-1 space-y-1 text-sm">
          <span className="font-medium">Or look up any address (G… or C…)</span>
          <input name="address" required className={`${inputClass} font-mono`} autoComplete="off" />
        </label>
        <button type="submit" className={buttonClass}>
          Show escrows
        </button>
      </form>
    </div>
  );
}
