import { z } from 'zod';
import { Asset, Networks, StrKey } from '@stellar/stellar-sdk';
import deployments from './deployments.json';

/** A token the app offers by name. `contractId` is its Stellar Asset Contract (or any SEP-41 token). */
export interface KnownToken {
  code: string;
  contractId: string;
  /** Classic issuer (`G…`) when the token wraps a classic asset; absent for XLM and pure contracts. */
  issuer?: string;
  decimals: number;
}

/** Everything the server knows about the chain it talks to. Never hand it to the browser: see `publicNetwork`. */
export interface NetworkConfig {
  name: 'local' | 'testnet' | 'mainnet' | 'custom';
  label: string;
  rpcUrl: string;
  passphrase: string;
  friendbotUrl: string | null;
  /** localnet's own HTTP root (faucet, `/localnet` description); local only. */
  localnetUrl: string | null;
  /** Base URL of a block explorer (stellar.expert); null when there is none. */
  explorerUrl: string | null;
  /** The released build that new escrows are created from; null until it is uploaded. */
  wasmHash: string | null;
  /** Every released OpenEscrow build on this network (current included): the only code an escrow may run. Server-only. */
  releasedWasmHashes: string[];
  protocolFee: { recipient: string | null; bps: number };
  tokens: KnownToken[];
  walletConnectProjectId: string | null;
  /** Contact e-mail for Trezor Connect's manifest; Trezor is offered only when it is set. */
  trezorEmail: string | null;
}

const stellarAccount = z
  .string()
  .refine((v) => StrKey.isValidEd25519PublicKey(v), 'must be a G… account address with a valid checksum');

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex characters');
const PUBLIC_PASSPHRASES: Record<string, 'testnet' | 'mainnet'> = {
  [Networks.TESTNET]: 'testnet',
  [Networks.PUBLIC]: 'mainnet',
};

const envSchema = z
  .object({
    OPENESCROW_NETWORK: z.enum(['local', 'testnet', 'mainnet', 'custom']).default('local'),
    OPENESCROW_RPC_URL: z.url().optional(),
    OPENESCROW_NETWORK_PASSPHRASE: z.string().min(1).optional(),
    OPENESCROW_FRIENDBOT_URL: z.url().optional(),
    OPENESCROW_LOCALNET_URL: z.url().optional(),
    OPENESCROW_EXPLORER_URL: z.url().optional(),
    OPENESCROW_WASM_HASH: hex64.optional(),
    /** More released builds to accept (comma-separated hashes), e.g. a build not yet in deployments.json. */
    OPENESCROW_RELEASED_WASM_HASHES: z
      .string()
      .transform((v) =>
        v
          .split(',')
          .map((h) => h.trim())
          .filter(Boolean),
      )
      .pipe(z.array(hex64))
      .optional(),
    OPENESCROW_RATE_LIMIT: z.coerce
      .number()
      .int()
      .min(1, 'must be at least 1 (server actions per client per minute)')
      .optional(),
    OPENESCROW_TICKET_SECRET: z
      .string()
      .refine((v) => Buffer.byteLength(v) >= 32, 'must be at least 32 bytes (e.g. openssl rand -hex 32)')
      .optional(),
    OPENESCROW_PROTOCOL_FEE_RECIPIENT: stellarAccount.optional(),
    OPENESCROW_PROTOCOL_FEE_BPS: z.coerce.number().int().min(0).max(10_000).default(30),
    OPENESCROW_WALLETCONNECT_PROJECT_ID: z.string().min(1).optional(),
    OPENESCROW_TREZOR_EMAIL: z.email().optional(),
  })
  .superRefine((env, ctx) => {
    if ((env.OPENESCROW_NETWORK === 'mainnet' || env.OPENESCROW_NETWORK === 'custom') && !env.OPENESCROW_RPC_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['OPENESCROW_RPC_URL'],
        message: `is required for ${env.OPENESCROW_NETWORK} (there is no public SDF RPC for mainnet)`,
      });
    }
    if (env.OPENESCROW_NETWORK === 'custom' && !env.OPENESCROW_NETWORK_PASSPHRASE) {
      ctx.addIssue({
        code: 'custom',
        path: ['OPENESCROW_NETWORK_PASSPHRASE'],
        message: 'is required for a custom network',
      });
    }
    for (const issue of contradictions(env)) ctx.addIssue({ code: 'custom', ...issue });
  });

/**
 * Settings that contradict each other: each would run the app against one network while it
 * behaves as if on another (a mainnet passphrase with the Local dev wallet offered, a key-bearing
 * RPC URL over plain http, localnet's friendbot pointed at a real network).
 */
function contradictions(env: {
  OPENESCROW_NETWORK: NetworkConfig['name'];
  OPENESCROW_NETWORK_PASSPHRASE?: string | undefined;
  OPENESCROW_RPC_URL?: string | undefined;
  OPENESCROW_FRIENDBOT_URL?: string | undefined;
  OPENESCROW_EXPLORER_URL?: string | undefined;
  OPENESCROW_LOCALNET_URL?: string | undefined;
}): { path: string[]; message: string }[] {
  const out: { path: string[]; message: string }[] = [];
  const name = env.OPENESCROW_NETWORK;
  const passphrase = env.OPENESCROW_NETWORK_PASSPHRASE;
  const real = passphrase ? PUBLIC_PASSPHRASES[passphrase] : undefined;
  if ((name === 'local' || name === 'custom') && real)
    out.push({
      path: ['OPENESCROW_NETWORK_PASSPHRASE'],
      message: `is ${real}'s passphrase: set OPENESCROW_NETWORK=${real} (not ${name})`,
    });
  if ((name === 'testnet' || name === 'mainnet') && passphrase && real !== name)
    out.push({
      path: ['OPENESCROW_NETWORK_PASSPHRASE'],
      message: `is not ${name}'s passphrase; leave it unset for ${name}`,
    });
  if (name === 'testnet' || name === 'mainnet') {
    for (const key of ['OPENESCROW_RPC_URL', 'OPENESCROW_FRIENDBOT_URL', 'OPENESCROW_EXPLORER_URL'] as const) {
      const url = env[key];
      if (url && !url.startsWith('https://')) out.push({ path: [key], message: `must be an https:// URL on ${name}` });
    }
  }
  if (name !== 'local' && env.OPENESCROW_LOCALNET_URL)
    out.push({
      path: ['OPENESCROW_LOCALNET_URL'],
      message: `is for the local network only (its faucet and dev accounts); unset it on ${name}`,
    });
  if (name === 'mainnet' && env.OPENESCROW_FRIENDBOT_URL)
    out.push({ path: ['OPENESCROW_FRIENDBOT_URL'], message: 'must not be set on mainnet (there is no friendbot)' });
  return out;
}

export class NetworkConfigError extends Error {}

/** `deployments.json`: per network, the build new escrows use and every released build. */
type Deployments = Record<
  string,
  { wasmHash?: string; released?: string[]; protocolFeeRecipient?: string } | undefined
>;

const sac = (code: string, issuer: string, passphrase: string): KnownToken => ({
  code,
  issuer,
  contractId: new Asset(code, issuer).contractId(passphrase),
  decimals: 7,
});
const xlm = (passphrase: string): KnownToken => ({
  code: 'XLM',
  contractId: Asset.native().contractId(passphrase),
  decimals: 7,
});

// Circle's issuers. USDC's were checked in the team's network notes; EURC's agree across many
// independent integrations and their Stellar Asset Contract ids recompute to Circle's published
// ones (lib/networks/config.test.ts pins both).
const USDC_ISSUER = {
  testnet: 'GBBD47IF6LWK7P7MDEVSCWR7DPUWV3NY3DTQEVFL4NAT4AQH3ZLLFLA5',
  mainnet: 'GA5ZSEJYB37JRC5AVCIA5MOP4RHTM335X2KGX3IHOJAPP5RE34K4KZVN',
} as const;
const EURC_ISSUER = {
  testnet: 'GB3Q6QDZYTHWT7E5PVS3W7FUT5GVAFC5KSZFFLPU25GO7VTC3NM2ZTVO',
  mainnet: 'GDHU6WRG4IEQXM5NZ4BMPKOXHW76MZM4Y2IEMFDVXBSDP6SJY4ITNPP2',
} as const;

/**
 * Reads the network from environment variables and checks them. Throws {@link NetworkConfigError}
 * with one line per problem, naming the variable. Tokens of `local` are filled in later from
 * localnet itself (its USDC issuer is made at its start), see `lib/networks/local.ts`.
 */
export function parseNetworkConfig(env: Record<string, string | undefined>): NetworkConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || 'environment'} ${i.message}`);
    throw new NetworkConfigError(`OpenEscrow: bad network configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const recorded = (deployments as Deployments)[e.OPENESCROW_NETWORK];
  const wasmHash = e.OPENESCROW_WASM_HASH ?? recorded?.wasmHash ?? null;
  const common = {
    wasmHash,
    releasedWasmHashes: [
      ...new Set([
        ...(wasmHash ? [wasmHash] : []),
        ...(recorded?.released ?? []),
        ...(e.OPENESCROW_RELEASED_WASM_HASHES ?? []),
      ]),
    ],
    protocolFee: {
      recipient: e.OPENESCROW_PROTOCOL_FEE_RECIPIENT ?? recorded?.protocolFeeRecipient ?? null,
      bps: e.OPENESCROW_PROTOCOL_FEE_BPS,
    },
    walletConnectProjectId: e.OPENESCROW_WALLETCONNECT_PROJECT_ID ?? null,
    trezorEmail: e.OPENESCROW_TREZOR_EMAIL ?? null,
  };
  switch (e.OPENESCROW_NETWORK) {
    case 'local': {
      const localnetUrl = e.OPENESCROW_LOCALNET_URL ?? 'http://127.0.0.1:8000';
      return {
        ...common,
        name: 'local',
        label: 'Local (localnet)',
        rpcUrl: e.OPENESCROW_RPC_URL ?? `${localnetUrl}/rpc`,
        passphrase: e.OPENESCROW_NETWORK_PASSPHRASE ?? Networks.STANDALONE,
        friendbotUrl: e.OPENESCROW_FRIENDBOT_URL ?? `${localnetUrl}/friendbot`,
        localnetUrl,
        // localnet serves its own explorer pages (/explorer/tx/<hash>, …/account/…, …/contract/…).
        explorerUrl: e.OPENESCROW_EXPLORER_URL ?? `${localnetUrl}/explorer`,
        tokens: [xlm(Networks.STANDALONE)],
      };
    }
    case 'testnet':
      return {
        ...common,
        name: 'testnet',
        label: 'Testnet',
        rpcUrl: e.OPENESCROW_RPC_URL ?? 'https://soroban-testnet.stellar.org',
        passphrase: Networks.TESTNET,
        friendbotUrl: e.OPENESCROW_FRIENDBOT_URL ?? 'https://friendbot.stellar.org',
        localnetUrl: null,
        explorerUrl: e.OPENESCROW_EXPLORER_URL ?? 'https://stellar.expert/explorer/testnet',
        tokens: [
          sac('USDC', USDC_ISSUER.testnet, Networks.TESTNET),
          sac('EURC', EURC_ISSUER.testnet, Networks.TESTNET),
          xlm(Networks.TESTNET),
        ],
      };
    case 'mainnet':
      return {
        ...common,
        name: 'mainnet',
        label: 'Mainnet',
        rpcUrl: e.OPENESCROW_RPC_URL!,
        passphrase: Networks.PUBLIC,
        friendbotUrl: null,
        localnetUrl: null,
        explorerUrl: e.OPENESCROW_EXPLORER_URL ?? 'https://stellar.expert/explorer/public',
        tokens: [
          sac('USDC', USDC_ISSUER.mainnet, Networks.PUBLIC),
          sac('EURC', EURC_ISSUER.mainnet, Networks.PUBLIC),
          xlm(Networks.PUBLIC),
        ],
      };
    case 'custom':
      return {
        ...common,
        name: 'custom',
        label: 'Custom network',
        rpcUrl: e.OPENESCROW_RPC_URL!,
        passphrase: e.OPENESCROW_NETWORK_PASSPHRASE!,
        friendbotUrl: e.OPENESCROW_FRIENDBOT_URL ?? null,
        localnetUrl: null,
        explorerUrl: e.OPENESCROW_EXPLORER_URL ?? null,
        tokens: [xlm(e.OPENESCROW_NETWORK_PASSPHRASE!)],
      };
  }
}

/** Explorer links; null when the network has no explorer. */
export function explorerLink(
  network: Pick<NetworkConfig, 'explorerUrl'>,
  kind: 'tx' | 'contract' | 'account',
  id: string,
): string | null {
  return network.explorerUrl ? `${network.explorerUrl}/${kind}/${id}` : null;
}
