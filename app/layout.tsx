import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { getNetwork } from '@/lib/networks/server';
import { publicNetwork } from '@/lib/networks/public';
import { WalletProvider } from '@/components/wallet/wallet-provider';
import { WalletMenu } from '@/components/wallet/wallet-menu';
import { NetworkBadge } from '@/components/network-badge';
import { MyEscrowsLink } from '@/components/dashboard/my-escrows-link';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'OpenEscrow', template: '%s · OpenEscrow' },
  description: 'Open-source, non-custodial escrows on Stellar',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

// Every page reads the chain (or the network's configuration): nothing is prerendered.
export const dynamic = 'force-dynamic';

export default async function RootLayout({ children }: { children: ReactNode }) {
  const network = await getNetwork();
  return (
    <html lang="en">
      <body className="min-h-screen">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2"
        >
          Skip to content
        </a>
        <WalletProvider network={publicNetwork(network)}>
          <header className="border-b border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
            <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
              <div className="flex items-center gap-3">
                <Link href="/" className="text-lg font-bold text-zinc-900 no-underline dark:text-zinc-50">
                  OpenEscrow
                </Link>
                <NetworkBadge label={network.label} name={network.name} />
              </div>
              <nav aria-label="Main" className="flex items-center gap-3 text-sm">
                <MyEscrowsLink />
                <Link href="/escrows/new">New escrow</Link>
                <WalletMenu />
              </nav>
            </div>
          </header>
          <main id="main" className="mx-auto max-w-5xl px-4 py-6">
            {children}
          </main>
        </WalletProvider>
      </body>
    </html>
  );
}
