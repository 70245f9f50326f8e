import type { Metadata } from 'next';
import { ApiKeys } from './api-keys';

export const metadata: Metadata = { title: 'API keys' };

export default function ApiKeysPage() {
  return (
    <div>
      <h1 className="text-2xl font-bold">API keys</h1>
      <p className="mt-2 max-w-prose text-sm text-zinc-600 dark:text-zinc-400">
        Keys let your servers use the platform API (see <a href="/docs/api">the reference</a>). Sign in with your wallet
        to create and revoke them. Keep a key on your server: never put it in a web page.
      </p>
      <ApiKeys />
    </div>
  );
}
