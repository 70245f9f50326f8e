// Helpers for driving the project's escrow contract through contract.Client.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { Keypair, Operation, contract, rpc, scValToNative } from '@stellar/stellar-sdk';
import { REPO_ROOT } from './localnet-process.ts';
import { PASSPHRASE, buildTx, submitOk, type Ctx } from './helpers.ts';

export const WASM_PATH = join(REPO_ROOT, 'contracts/escrow/dist/escrow.wasm');

export function loadEscrowWasm(): { wasm: Buffer; wasmHash: string } {
  if (!existsSync(WASM_PATH)) throw new Error(`escrow wasm missing at ${WASM_PATH} (npm run build:contract)`);
  const wasm = readFileSync(WASM_PATH);
  return { wasm, wasmHash: createHash('sha256').update(wasm).digest('hex') };
}

/** Uploads the wasm (simulate, assemble, sign, send); returns the SUCCESS response. */
export async function uploadWasm(c: Ctx, source: Keypair, wasm: Buffer) {
  const tx = await buildTx(c, source.publicKey(), [Operation.uploadContractWasm({ wasm })]);
  const prepared = await c.server.prepareTransaction(tx);
  prepared.sign(source);
  const res = await submitOk(c, prepared);
  return { res, hash: Buffer.from(scValToNative(res.returnValue!) as Uint8Array).toString('hex') };
}

export function clientOpts(c: Ctx, kp: Keypair) {
  const s = contract.basicNodeSigner(kp, PASSPHRASE);
  return {
    networkPassphrase: PASSPHRASE,
    rpcUrl: c.rpcUrl,
    allowHttp: true,
    publicKey: kp.publicKey(),
    signTransaction: s.signTransaction,
    signAuthEntry: s.signAuthEntry,
  };
}

/**
 * What a dApp does with an AssembledTransaction that others must authorize:
 * each non-invoker signs its auth entry, re-simulate, then the source signs and sends.
 */
export async function authorizeAndSend(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  at: contract.AssembledTransaction<any>,
  keys: Map<string, Keypair>,
  expectSigners: string[],
) {
  const needed = at.needsNonInvokerSigningBy();
  expect([...needed].sort()).toEqual([...expectSigners].sort());
  for (const addr of needed) {
    const kp = keys.get(addr);
    if (!kp) throw new Error(`no key for ${addr}`);
    await at.signAuthEntries({ address: addr, signAuthEntry: contract.basicNodeSigner(kp, PASSPHRASE).signAuthEntry });
  }
  expect(at.needsNonInvokerSigningBy()).toEqual([]);
  if (needed.length > 0) await at.simulate();
  const sent = await at.signAndSend();
  const res = sent.getTransactionResponse!;
  expect(
    res.status,
    JSON.stringify(res.status === rpc.Api.GetTransactionStatus.FAILED ? res.resultXdr.toJson() : ''),
  ).toBe(rpc.Api.GetTransactionStatus.SUCCESS);
  return { sent, res: res as rpc.Api.GetSuccessfulTransactionResponse };
}

export interface SingleRoles {
  approver: string;
  provider: string;
  releaser: string;
  resolver: string;
  platform: string;
  receiver: string;
  feeRecipient: string;
}

/** An EscrowConfig for a Single escrow of `amount` with one milestone, in contract.Client's JS form. */
export function singleConfig(
  token: string,
  r: SingleRoles,
  amount: bigint,
  extra: { engagement_id?: string; deadline?: bigint } = {},
) {
  return {
    kind: { tag: 'Single' },
    engagement_id: extra.engagement_id ?? 'conformance-1',
    title: 'Logo design',
    description: 'A logo in three colours',
    token,
    roles: {
      approvers: [r.approver],
      approvals_required: 1,
      service_provider: r.provider,
      release_signers: [r.releaser],
      releases_required: 1,
      dispute_resolver: r.resolver,
      platform: r.platform,
      receiver: r.receiver,
    },
    platform_fee_bps: 200,
    protocol_fee: { recipient: r.feeRecipient, bps: 100 },
    amount,
    milestones: [{ description: 'Deliver the logo', amount: 0n, receiver: undefined }],
    deadline: extra.deadline,
  };
}
