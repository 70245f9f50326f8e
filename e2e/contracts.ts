/**
 * Node-side contract set-ups for the trust tests: escrows deployed with the SDK (no form), a
 * look-alike of the escrow's wasm, and Stellar assets anyone can issue.
 */
import { Address, Asset, Keypair, Operation, xdr } from '@stellar/stellar-sdk';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { contractIdFor, createEscrowOp } from '../lib/escrow/calls';
import type { EscrowConfig } from '../lib/escrow/types';
import { sendOperation, uploadWasm as clientUploadWasm } from '../lib/localnet/client';
import { chain } from './chain';
import { E2E } from './env';

/** Sends one operation from `key`, prepared by simulation when it is a contract call; returns the result. */
const send = (key: Keypair, op: xdr.Operation, soroban: boolean) => sendOperation(chain, key, op, { soroban });

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
export const uploadWasm = (key: Keypair, wasm: Buffer): Promise<string> => clientUploadWasm(chain, key, wasm);

/** Deploys an escrow of `wasmHash` with `config` (its platform is `platform`, which signs). Returns its id. */
export async function deployEscrow(platform: Keypair, wasmHash: string, config: EscrowConfig): Promise<string> {
  return (await deployEscrowTx(platform, wasmHash, config)).id;
}

/** {@link deployEscrow}, with the hash of the creating transaction. */
export async function deployEscrowTx(
  platform: Keypair,
  wasmHash: string,
  config: EscrowConfig,
): Promise<{ id: string; txHash: string }> {
  const { op, contractId } = createEscrowOp({
    deployer: platform.publicKey(),
    wasmHash,
    config,
    salt: randomBytes(32),
    passphrase: E2E.passphrase,
  });
  const done = await send(platform, op, true);
  return { id: contractId, txHash: done.txHash };
}

/** A Stellar asset issued by `issuer` with its asset contract deployed; returns the contract id. */
export async function issueAsset(
  issuer: Keypair,
  code: string,
): Promise<{ code: string; issuer: string; contractId: string }> {
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
  const file =
    process.env.OPENESCROW_DEPLOYMENT_FILE ?? `${process.env.E2E_DATA_DIR ?? '.cache/e2e-chain'}/deployment.json`;
  return (JSON.parse(readFileSync(file, 'utf8')) as { wasmHash: string }).wasmHash;
}

/** Unsigned and signed LEB128, as wasm encodes sizes and constants. */
const uleb = (n: number): number[] => {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return out;
};
const sleb = (n: bigint): number[] => {
  const out: number[] = [];
  for (;;) {
    const byte = Number(n & 0x7fn);
    n >>= 7n;
    const done = (n === 0n && !(byte & 0x40)) || (n === -1n && byte & 0x40);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
};
const section = (id: number, body: number[]) => [id, ...uleb(body.length), ...body];
const name = (s: string) => [...uleb(s.length), ...Buffer.from(s)];

/** A Soroban `Val` for a u32 (tag 4) and for a short symbol (tag 14, six bits a character). */
const u32Val = (n: number) => (BigInt(n) << 32n) | 4n;
function symbolVal(s: string): bigint {
  let body = 0n;
  for (const c of s) {
    const code =
      c === '_'
        ? 1
        : /\d/.test(c)
          ? c.charCodeAt(0) - 46
          : /[A-Z]/.test(c)
            ? c.charCodeAt(0) - 53
            : c.charCodeAt(0) - 59;
    body = (body << 6n) | BigInt(code);
  }
  return (body << 8n) | 14n;
}

/** The escrow wasm's `contractenvmetav0` section (the protocol the host checks), copied whole. */
function envMetaSection(): number[] {
  const wasm = escrowWasm();
  for (let i = 8; i < wasm.length;) {
    const id = wasm[i]!;
    let size = 0;
    let shift = 0;
    let j = i + 1;
    for (;;) {
      const b = wasm[j++]!;
      size |= (b & 0x7f) << shift;
      shift += 7;
      if (b < 0x80) break;
    }
    const body = wasm.subarray(j, j + size);
    if (id === 0 && body.includes(Buffer.from('contractenvmetav0'))) return [...wasm.subarray(i, j + size)];
    i = j + size;
  }
  throw new Error('the escrow wasm has no contractenvmetav0 section');
}

/**
 * A tiny token-shaped contract, assembled here, whose metadata is absurd: `decimals()` answers
 * `decimals`, `symbol()` and `name()` a short symbol, `balance(id)` 0 (the escrow reads its own).
 */
export function absurdTokenWasm(decimals: number, symbol = 'USDC'): Buffer {
  const I128_ZERO = 11n; // an i128 held in the Val itself (tag 11), value 0
  const fns: [name: string, params: number, value: bigint][] = [
    ['decimals', 0, u32Val(decimals)],
    ['symbol', 0, symbolVal(symbol)],
    ['name', 0, symbolVal(symbol)],
    ['balance', 1, I128_ZERO],
  ];
  const types = section(1, [2, 0x60, 0, 1, 0x7e, 0x60, 1, 0x7e, 1, 0x7e]); // () -> i64, (i64) -> i64
  const funcs = section(3, [fns.length, ...fns.map(([, params]) => params)]);
  const exports = section(7, [fns.length, ...fns.flatMap(([n], i) => [...name(n), 0, i])]);
  const bodies = fns.map(([, , v]) => {
    const code = [0, 0x42, ...sleb(v), 0x0b]; // no locals; i64.const v; end
    return [...uleb(code.length), ...code];
  });
  const code = section(10, [fns.length, ...bodies.flat()]);
  return Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, ...types, ...funcs, ...exports, ...code, ...envMetaSection()]);
}

/** Deploys a contract of `wasmHash` without constructor arguments; returns its id. */
export async function deployContract(key: Keypair, wasmHash: string): Promise<string> {
  const salt = randomBytes(32);
  const op = Operation.createCustomContract({
    address: new Address(key.publicKey()),
    wasmHash: Buffer.from(wasmHash, 'hex'),
    salt,
  });
  await send(key, op, true);
  return contractIdFor(key.publicKey(), salt, E2E.passphrase);
}
