/**
 * Node-side contract set-ups for the trust tests: escrows deployed with the SDK (no form), a
 * look-alike of the escrow's wasm, and Stellar assets anyone can issue.
 */
import { Asset, BASE_FEE, Keypair, Operation, rpc, TransactionBuilder, xdr } from '@stellar/stellar-sdk';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createEscrowOp } from '../lib/escrow/calls';
import type { EscrowConfig } from '../lib/escrow/types';
import { server } from './chain';
import { E2E } from './env';

/** Sends one operation from `key`, prepared by simulation when it is a contract call; returns the result. */
async function send(key: Keypair, op: xdr.Operation, soroban: boolean): Promise<rpc.Api.GetSuccessfulTransactionResponse> {
  const account = await server.getAccount(key.publicKey());
  let tx = new TransactionBuilder(account, { fee: BASE_FEE, networkPassphrase: E2E.passphrase }).addOperation(op).setTimeout(60).build();
  if (soroban) tx = await server.prepareTransaction(tx);
  tx.sign(key);
  const sent = await server.sendTransaction(tx);
  if (sent.status === 'ERROR') throw new Error(`rejected: ${sent.errorResult?.result.type}`);
  const done = await server.pollTransaction(sent.hash, { attempts: 60 });
  if (done.status !== 'SUCCESS') throw new Error(`transaction ${sent.hash}: ${done.status}`);
  return done as rpc.Api.GetSuccessfulTransactionResponse;
}

/** The committed escrow wasm. */
export const escrowWasm = () => readFileSync('contracts/escrow/dist/escrow.wasm');

/**
 * The escrow wasm with a custom section appended: the same code, so it behaves exactly like an
 * escrow, but another hash — what a look-alike deployer would upload.
 */
export function lookalikeWasm(): Buffer {
  const name = Buffer.from('lookalike');
  const payload = randomBytes(16);
  const body = Buffer.concat([Buffer.from([name.length]), name, payload]);
  return Buffer.concat([escrowWasm(), Buffer.from([0, body.length]), body]);
}

/** Uploads a wasm (once) and returns its hash, hex. */
export async function uploadWasm(key: Keypair, wasm: Buffer): Promise<string> {
  await send(key, Operation.uploadContractWasm({ wasm }), true);
  return createHash('sha256').update(wasm).digest('hex');
}

/** Deploys an escrow of `wasmHash` with `config` (its platform is `platform`, which signs). Returns its id. */
export async function deployEscrow(platform: Keypair, wasmHash: string, config: EscrowConfig): Promise<string> {
  return (await deployEscrowTx(platform, wasmHash, config)).id;
}

/** {@link deployEscrow}, with the hash of the creating transaction. */
export async function deployEscrowTx(platform: Keypair, wasmHash: string, config: EscrowConfig): Promise<{ id: string; txHash: string }> {
  const { op, contractId } = createEscrowOp({ deployer: platform.publicKey(), wasmHash, config, salt: randomBytes(32), passphrase: E2E.passphrase });
  const done = await send(platform, op, true);
  return { id: contractId, txHash: done.txHash };
}

/** A Stellar asset issued by `issuer` with its asset contract deployed; returns the contract id. */
export async function issueAsset(issuer: Keypair, code: string): Promise<{ code: string; issuer: string; contractId: string }> {
  const asset = new Asset(code, issuer.publicKey());
  await send(issuer, Operation.createStellarAssetContract({ asset }), true);
  return { code, issuer: issuer.publicKey(), contractId: asset.contractId(E2E.passphrase) };
}

/** A classic payment of an issued asset (the issuer mints it). */
export async function payAsset(issuer: Keypair, to: string, code: string, amount: string) {
  await send(issuer, Operation.payment({ destination: to, asset: new Asset(code, issuer.publicKey()), amount }), false);
}

/** The wasm hash the deploy script uploaded for new escrows on the e2e chain. */
export function releasedWasmHash(): string {
  const file = process.env.OPENESCROW_DEPLOYMENT_FILE ?? `${process.env.E2E_DATA_DIR ?? '.cache/e2e-chain'}/deployment.json`;
  return (JSON.parse(readFileSync(file, 'utf8')) as { wasmHash: string }).wasmHash;
}
