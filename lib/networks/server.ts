import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { parseNetworkConfig, type KnownToken, type NetworkConfig } from './config';

/** Where `npm run deploy:contract` records what it did on localnet (not committed: localnet is disposable). */
export const LOCAL_DEPLOYMENT_FILE =
  process.env.OPENESCROW_DEPLOYMENT_FILE ?? path.join(process.cwd(), '.localnet', 'deployment.json');

const localnetInfoSchema = z.object({
  passphrase: z.string(),
  assets: z.array(z.object({ code: z.string(), issuer: z.string().nullish(), contractId: z.string() })),
});

const localDeploymentSchema = z.object({
  wasmHash: z.string().regex(/^[0-9a-f]{64}$/),
  protocolFeeRecipient: z.string().optional(),
});

let base: NetworkConfig | null = null;
let cached: { at: number; config: NetworkConfig } | null = null;

/** The configuration from the environment, parsed once; throws a clear error when it is wrong. Server-only. */
export function baseNetworkConfig(): NetworkConfig {
  base ??= parseNetworkConfig(process.env);
  return base;
}

/**
 * The network as the app uses it now. On local it adds what only exists once localnet and the
 * deploy script have run: localnet's test USDC and the uploaded wasm hash (re-read every few
 * seconds because localnet can be restarted under a running app).
 */
export async function getNetwork(): Promise<NetworkConfig> {
  const config = baseNetworkConfig();
  if (config.name !== 'local') return config;
  if (cached && Date.now() - cached.at < 5_000) return cached.config;
  const [assets, deployment] = await Promise.all([localAssets(config), localDeployment()]);
  const seen = new Set(assets.map((a) => a.contractId));
  const next: NetworkConfig = {
    ...config,
    // Issued assets (test USDC) first: the create form offers the first token by default.
    tokens: [...assets, ...config.tokens.filter((t) => !seen.has(t.contractId))].sort(
      (a, b) => Number(!a.issuer) - Number(!b.issuer),
    ),
    // What the deploy script uploaded is what new escrows use (it is dist/escrow.wasm, whose hash
    // deployments.json records as released; a unit test keeps the two equal).
    wasmHash: process.env.OPENESCROW_WASM_HASH ?? deployment?.wasmHash ?? config.wasmHash,
    releasedWasmHashes: [...new Set([...config.releasedWasmHashes, ...(deployment ? [deployment.wasmHash] : [])])],
    protocolFee: {
      ...config.protocolFee,
      recipient: config.protocolFee.recipient ?? deployment?.protocolFeeRecipient ?? null,
    },
  };
  cached = { at: Date.now(), config: next };
  return next;
}

async function localAssets(config: NetworkConfig): Promise<KnownToken[]> {
  try {
    const res = await fetch(`${config.localnetUrl}/localnet`, {
      cache: 'no-store',
      signal: AbortSignal.timeout(2_000),
    });
    if (!res.ok) return [];
    const info = localnetInfoSchema.parse(await res.json());
    return info.assets.map((a) => ({
      code: a.code,
      ...(a.issuer ? { issuer: a.issuer } : {}),
      contractId: a.contractId,
      decimals: 7,
    }));
  } catch {
    return [];
  }
}

async function localDeployment(): Promise<z.infer<typeof localDeploymentSchema> | null> {
  try {
    return localDeploymentSchema.parse(JSON.parse(await readFile(LOCAL_DEPLOYMENT_FILE, 'utf8')));
  } catch {
    return null;
  }
}
