/** Runs once when the server starts: a wrong network configuration stops it with a clear message. */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { baseNetworkConfig } = await import('./lib/networks/server');
    try {
      const n = baseNetworkConfig();
      console.log(`OpenEscrow: network ${n.name} (${n.rpcUrl})`);
    } catch (e) {
      console.error((e as Error).message);
      process.exit(1);
    }
  }
}
