/**
 * Uploads the escrow wasm to a network, once per code version, and records its hash.
 *
 *   npm run deploy:contract -- --network testnet        (key from OPENESCROW_DEPLOYER_SECRET)
 *   npm run deploy:contract -- --network local           (dev deployer funded by friendbot)
 *
 * Local: also sets up the protocol fee recipient (a dev account with trustlines to localnet's
 * assets) and writes `.localnet/deployment.json`, which the app reads. Other networks: writes the
 * hash into `lib/networks/deployments.json` (commit it). `--if-available` skips quietly when
 * localnet is not running or the wasm is not built; `--wait` waits for localnet first.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Keypair, Operation, rpc, SorobanDataBuilder, xdr } from '@stellar/stellar-sdk';
import {
  friendbot,
  localnet,
  localnetInfo,
  sendOperation,
  trust,
  trusts,
  type Chain,
  type LocalnetAsset,
} from '../lib/localnet/client';
import { parseNetworkConfig, type NetworkConfig } from '../lib/networks/config';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};

const root = path.resolve(__dirname, '..');
const wasmPath = path.resolve(root, option('wasm') ?? 'contracts/escrow/dist/escrow.wasm');
const networkName = option('network') ?? process.env.OPENESCROW_NETWORK ?? 'local';

function log(msg: string) {
  console.log(`deploy-contract: ${msg}`);
}

async function waitForRpc(server: rpc.Server, seconds: number): Promise<boolean> {
  const until = Date.now() + seconds * 1000;
  for (;;) {
    try {
      await server.getHealth();
      return true;
    } catch {
      if (Date.now() > until) return false;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

async function ensureFunded(network: NetworkConfig, chain: Chain, key: Keypair) {
  try {
    await chain.server.getAccount(key.publicKey());
    return;
  } catch {
    if (!network.friendbotUrl)
      throw new Error(`${key.publicKey()} does not exist on ${network.label} and there is no friendbot`);
  }
  await friendbot(network.friendbotUrl, key.publicKey());
}

const codeKey = (hash: Buffer) => xdr.LedgerKey.contractCode(new xdr.LedgerKeyContractCode({ hash }));

async function codeExists(server: rpc.Server, hash: Buffer): Promise<boolean> {
  const res = await server.getLedgerEntries(codeKey(hash));
  return res.entries.length > 0;
}

/**
 * The escrow's own `extend_ttl()` keeps each escrow alive but not the shared wasm entry, so the
 * operator does it here: when the code has less than half the network's longest TTL left, it is
 * extended to that maximum (an upload starts at the network's minimum, 7 days on testnet).
 */
async function keepCodeAlive(chain: Chain, network: NetworkConfig, key: Keypair, hash: Buffer) {
  const { server } = chain;
  const archival = await server.getLedgerEntries(
    xdr.LedgerKey.configSetting(
      new xdr.LedgerKeyConfigSetting({ configSettingId: xdr.ConfigSettingId.fromName('configSettingStateArchival') }),
    ),
  );
  const val = archival.entries[0]?.val;
  const setting = val?.type === 'configSetting' ? val.configSetting : undefined;
  if (setting?.type !== 'configSettingStateArchival')
    throw new Error(`${network.label} did not return its state archival settings`);
  const maxTtl = setting.stateArchivalSettings.maxEntryTtl;
  const code = (await server.getLedgerEntries(codeKey(hash))).entries[0];
  const left = (code?.liveUntilLedgerSeq ?? 0) - archival.latestLedger;
  if (left >= maxTtl / 2) return log(`wasm lives ${left} more ledgers; no extension needed`);
  const extendTo = maxTtl - 1;
  const data = new SorobanDataBuilder().setReadOnly([codeKey(hash)]).build();
  await sendOperation(chain, key, Operation.extendFootprintTtl({ extendTo }), {
    soroban: true,
    sorobanData: data,
    timeout: 120,
  });
  log(`extended the wasm's TTL to ${extendTo} ledgers`);
}

async function main() {
  const network = parseNetworkConfig({ ...process.env, OPENESCROW_NETWORK: networkName });
  if (!existsSync(wasmPath)) {
    if (flag('if-available'))
      return log(`no wasm at ${path.relative(root, wasmPath)} yet; skipped (npm run build:contract)`);
    throw new Error(`no wasm at ${wasmPath}: run npm run build:contract`);
  }
  const wasm = readFileSync(wasmPath);
  const hash = createHash('sha256').update(wasm).digest();
  const hashHex = hash.toString('hex');
  const server = new rpc.Server(network.rpcUrl, { allowHttp: network.rpcUrl.startsWith('http://') });
  const chain: Chain = { server, passphrase: network.passphrase };
  const up = await waitForRpc(server, flag('wait') ? 120 : 2);
  if (!up) {
    if (flag('if-available')) return log(`${network.rpcUrl} does not answer; skipped`);
    throw new Error(`${network.rpcUrl} does not answer`);
  }

  let deployer: Keypair;
  if (network.name === 'local') {
    // Dev-only keys, derived from the passphrase: they exist on localnet and nowhere else.
    deployer = Keypair.fromRawEd25519Seed(
      createHash('sha256').update(`openescrow deployer|${network.passphrase}`).digest(),
    );
  } else {
    const secret = process.env.OPENESCROW_DEPLOYER_SECRET;
    if (!secret) throw new Error('set OPENESCROW_DEPLOYER_SECRET to the secret key (S…) that pays for the upload');
    deployer = Keypair.fromSecret(secret);
  }

  await ensureFunded(network, chain, deployer);
  if (await codeExists(server, hash)) {
    log(`wasm ${hashHex.slice(0, 12)}… already on ${network.label}`);
  } else {
    const started = Date.now();
    await sendOperation(chain, deployer, Operation.uploadContractWasm({ wasm }), { soroban: true, timeout: 120 });
    log(`uploaded wasm ${hashHex} (${wasm.length} bytes) to ${network.label} in ${Date.now() - started} ms`);
  }
  await keepCodeAlive(chain, network, deployer, hash);

  if (network.name === 'local') {
    const fee = Keypair.fromRawEd25519Seed(
      createHash('sha256').update(`openescrow protocol fee|${network.passphrase}`).digest(),
    );
    await ensureFunded(network, chain, fee);
    const info = await localnetInfo(localnet(network.localnetUrl ?? '', network.passphrase));
    for (const a of info.assets.filter((x): x is LocalnetAsset & { issuer: string } => Boolean(x.issuer))) {
      if (await trusts(chain, fee.publicKey(), a)) continue;
      await trust(chain, fee, a);
      log(`protocol fee recipient trusts ${a.code}`);
    }
    const file = process.env.OPENESCROW_DEPLOYMENT_FILE ?? path.join(root, '.localnet', 'deployment.json');
    mkdirSync(path.dirname(file), { recursive: true });
    const record = {
      network: 'local',
      rpcUrl: network.rpcUrl,
      wasmHash: hashHex,
      protocolFeeRecipient: fee.publicKey(),
      recordedAt: new Date().toISOString(),
    };
    writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
    log(`recorded in ${path.relative(root, file)} (protocol fee recipient ${fee.publicKey()})`);
  } else {
    const file = path.join(root, 'lib/networks/deployments.json');
    const all = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { wasmHash?: string; released?: string[] }>;
    // The new build becomes current; every earlier one stays released (their escrows live on).
    const prev = all[network.name] ?? {};
    all[network.name] = { ...prev, wasmHash: hashHex, released: [...new Set([...(prev.released ?? []), hashHex])] };
    writeFileSync(file, `${JSON.stringify(all, null, 2)}\n`);
    log(`recorded ${network.name} wasm hash in lib/networks/deployments.json`);
  }
}

main().catch((e: Error) => {
  console.error(`deploy-contract: ${e.message}`);
  process.exit(1);
});
