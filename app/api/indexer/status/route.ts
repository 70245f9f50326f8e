/** The read model's follower: cursor ledger, lag in ledgers and seconds, last error (public, no secrets). */
import { appIndexerStatus } from '@/lib/indexer/server';

export const dynamic = 'force-dynamic';

export function GET() {
  const status = appIndexerStatus();
  return Response.json(
    status ?? { following: false, message: 'No indexer runs in this server (OPENESCROW_INDEXER=off?)' },
    {
      headers: { 'cache-control': 'no-store' },
    },
  );
}
