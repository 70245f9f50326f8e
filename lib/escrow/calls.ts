/**
 * The escrow contract's calls as Stellar operations. Each function names the contract function
 * and encodes its arguments with the contract's types; nothing here talks to the network.
 */
import { Address, Contract, hash, Operation, StrKey, xdr } from '@stellar/stellar-sdk';
import { sc } from '../stellar/scval';
import { encodeConfig } from './codec';
import type { EscrowConfig } from './types';

export type Distribution = ReadonlyArray<readonly [recipient: string, amount: bigint]>;

const call = (id: string, method: string, ...args: xdr.ScVal[]) => new Contract(id).call(method, ...args);

export const escrowCalls = {
  /** `termsVersion`: the version of the terms the funder reviewed; the contract refuses any other. */
  fund: (id: string, from: string, amount: bigint, termsVersion: number) =>
    call(id, 'fund', sc.address(from), sc.i128(amount), sc.u32(termsVersion)),
  setMilestoneStatus: (id: string, index: number, status: string, evidence: string | null) =>
    call(id, 'set_milestone_status', sc.u32(index), sc.string(status), sc.option(evidence, sc.string)),
  approveMilestone: (id: string, index: number, approver: string) =>
    call(id, 'approve_milestone', sc.u32(index), sc.address(approver)),
  release: (id: string, signers: readonly string[]) => call(id, 'release', sc.vec(signers.map(sc.address))),
  releaseMilestone: (id: string, index: number, signers: readonly string[]) =>
    call(id, 'release_milestone', sc.u32(index), sc.vec(signers.map(sc.address))),
  dispute: (id: string, by: string, reason: string) => call(id, 'dispute', sc.address(by), sc.string(reason)),
  disputeMilestone: (id: string, index: number, by: string, reason: string) =>
    call(id, 'dispute_milestone', sc.u32(index), sc.address(by), sc.string(reason)),
  resolve: (id: string, distributions: Distribution) => call(id, 'resolve', sc.addressAmountMap(distributions)),
  resolveMilestone: (id: string, index: number, distributions: Distribution) =>
    call(id, 'resolve_milestone', sc.u32(index), sc.addressAmountMap(distributions)),
  withdrawRemaining: (id: string, distributions: Distribution) =>
    call(id, 'withdraw_remaining', sc.addressAmountMap(distributions)),
  claimRefund: (id: string, funder: string) => call(id, 'claim_refund', sc.address(funder)),
  update: (id: string, config: EscrowConfig) => call(id, 'update', encodeConfig(config)),
  extendTtl: (id: string) => call(id, 'extend_ttl'),
  getEscrow: (id: string) => call(id, 'get_escrow'),
  getFunding: (id: string, funder: string) => call(id, 'get_funding', sc.address(funder)),
};

/**
 * Deploys a new escrow: `createCustomContract` with the constructor's config. The contract id
 * follows from the deployer and the salt, so the page knows where the escrow will live before
 * it is submitted.
 */
export function createEscrowOp(args: {
  deployer: string;
  wasmHash: string;
  config: EscrowConfig;
  salt: Uint8Array;
  passphrase: string;
}): { op: xdr.Operation; contractId: string } {
  const op = Operation.createCustomContract({
    address: Address.fromString(args.deployer),
    wasmHash: Buffer.from(args.wasmHash, 'hex'),
    salt: Buffer.from(args.salt),
    constructorArgs: [encodeConfig(args.config)],
  });
  return { op, contractId: contractIdFor(args.deployer, args.salt, args.passphrase) };
}

/** The id of a contract deployed by `deployer` with `salt` on the network of `passphrase`. */
export function contractIdFor(deployer: string, salt: Uint8Array, passphrase: string): string {
  const preimage = xdr.HashIdPreimage.envelopeTypeContractId(
    new xdr.HashIdPreimageContractId({
      networkId: hash(Buffer.from(passphrase)),
      contractIdPreimage: xdr.ContractIdPreimage.contractIdPreimageFromAddress(
        new xdr.ContractIdPreimageFromAddress({
          address: Address.fromString(deployer).toScAddress(),
          salt: Buffer.from(salt),
        }),
      ),
    }),
  );
  return StrKey.encodeContract(hash(preimage.toXDR()));
}
