/** Runs once when the server starts: a wrong network configuration stops it with a clear message. */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { baseNetworkConfig } = await import('./lib/networks/server');
    try {
      const n = baseNetworkConfig();
      const { checkServerSecrets } = await import('./lib/networks/secrets');
      checkServerSecrets(n.name, process.env);
      // Origin and path only: a provider's API key often sits in the query string.
      const rpc = new URL(n.rpcUrl);
      console.log(`OpenEscrow: network ${n.name} (RPC ${rpc.origin}${rpc.pathname})`);
      // The read model's follower runs inside the server unless OPENESCROW_INDEXER=off
      // (a deployment running `npm run indexer` beside it on the same Postgres).
      const { startAppIndexer } = await import('./lib/indexer/server');
      startAppIndexer();
    } catch (e) {
      console.error((e as Error).message);
      process.exit(1);
    }
  }
}
