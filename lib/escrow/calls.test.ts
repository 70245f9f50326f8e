import { Networks, scValToNative, StrKey, xdr } from '@stellar/stellar-sdk';
import { describe, expect, it } from 'vitest';
import { contractIdFor, createEscrowOp, escrowCalls } from './calls';
import { decodeConfigScVal, encodeConfig } from './codec';
import { config, ESCROW_ID, who } from '../testing/fixtures';

/** Decodes a built operation back from XDR: contract, function name and native arguments. */
function decode(op: xdr.Operation) {
  const back = xdr.Operation.fromXdr(op.toXdr('base64'), 'base64');
  const body = back.body;
  if (body.type !== 'invokeHostFunction') throw new Error('not a contract call');
  const fn = body.invokeHostFunctionOp.hostFunction;
  if (fn.type !== 'hostFunctionTypeInvokeContract') throw new Error('not an invocation');
  const c = fn.invokeContract;
  return {
    contract: StrKey.encodeContract(
      Buffer.from((c.contractAddress as { contractId: { value: Uint8Array } }).contractId.value),
    ),
    fn: c.functionName.toString(),
    args: c.args.map((a) => scValToNative(a)),
    raw: c.args,
  };
}

describe('escrow calls', () => {
  it('fund(from, amount, terms_version) with an i128 amount and a u32 version', () => {
    const d = decode(escrowCalls.fund(ESCROW_ID, who.funder, 123_456_789_012_345_678_901n, 3));
    expect(d).toMatchObject({ contract: ESCROW_ID, fn: 'fund', args: [who.funder, 123_456_789_012_345_678_901n, 3] });
    expect(d.raw[1]!.type).toBe('scvI128');
    expect(d.raw[2]!.type).toBe('scvU32');
  });

  it('set_milestone_status(index u32, status, Option<evidence>)', () => {
    const some = decode(escrowCalls.setMilestoneStatus(ESCROW_ID, 1, 'Done', 'https://x/y'));
    expect(some).toMatchObject({ fn: 'set_milestone_status', args: [1, 'Done', 'https://x/y'] });
    expect(some.raw[0]!.type).toBe('scvU32');
    const none = decode(escrowCalls.setMilestoneStatus(ESCROW_ID, 0, 'Done', null));
    expect(none.raw[2]!.type).toBe('scvVoid');
  });

  it('approve, release, dispute, claim_refund name their addresses', () => {
    expect(decode(escrowCalls.approveMilestone(ESCROW_ID, 0, who.approver))).toMatchObject({
      fn: 'approve_milestone',
      args: [0, who.approver],
    });
    expect(decode(escrowCalls.release(ESCROW_ID, [who.signer, who.signer2]))).toMatchObject({
      fn: 'release',
      args: [[who.signer, who.signer2]],
    });
    expect(decode(escrowCalls.releaseMilestone(ESCROW_ID, 2, [who.signer]))).toMatchObject({
      fn: 'release_milestone',
      args: [2, [who.signer]],
    });
    expect(decode(escrowCalls.dispute(ESCROW_ID, who.approver, 'late'))).toMatchObject({
      fn: 'dispute',
      args: [who.approver, 'late'],
    });
    expect(decode(escrowCalls.disputeMilestone(ESCROW_ID, 1, who.provider, 'x'))).toMatchObject({
      fn: 'dispute_milestone',
      args: [1, who.provider, 'x'],
    });
    expect(decode(escrowCalls.claimRefund(ESCROW_ID, who.funder))).toMatchObject({
      fn: 'claim_refund',
      args: [who.funder],
    });
  });

  it('resolve takes a Map<Address, i128> in the host’s key order', () => {
    const d = decode(
      escrowCalls.resolve(ESCROW_ID, [
        [who.receiver, 60n],
        [who.funder, 40n],
      ]),
    );
    expect(d.fn).toBe('resolve');
    const map = d.raw[0]!;
    if (map.type !== 'scvMap') throw new Error('not a map');
    const keys = map.map!.map((e) => e.key.toXdr('hex'));
    expect([...keys].sort()).toEqual(keys);
    expect(d.args[0]).toEqual({ [who.receiver]: 60n, [who.funder]: 40n });
    expect(decode(escrowCalls.resolveMilestone(ESCROW_ID, 1, [[who.funder, 1n]])).args).toEqual([
      1,
      { [who.funder]: 1n },
    ]);
    expect(decode(escrowCalls.withdrawRemaining(ESCROW_ID, [[who.platform, 5n]])).fn).toBe('withdraw_remaining');
  });

  it('read calls', () => {
    expect(decode(escrowCalls.getEscrow(ESCROW_ID))).toMatchObject({ fn: 'get_escrow', args: [] });
    expect(decode(escrowCalls.getFunding(ESCROW_ID, who.funder))).toMatchObject({
      fn: 'get_funding',
      args: [who.funder],
    });
  });
});

describe('EscrowConfig encoding', () => {
  it('is a struct map with sorted snake_case keys and the contract’s types', () => {
    const v = encodeConfig(config({ deadline: 1_700_000_000n }));
    if (v.type !== 'scvMap') throw new Error('not a map');
    const keys = v.map!.map((e) => e.key.value as string);
    expect(keys).toEqual([...keys].sort());
    expect(keys).toEqual([
      'amount',
      'deadline',
      'description',
      'engagement_id',
      'kind',
      'milestones',
      'platform_fee_bps',
      'protocol_fee',
      'roles',
      'title',
      'token',
    ]);
    const native = scValToNative(v);
    expect(native.kind).toEqual(['Single']);
    expect(native.deadline).toBe(1_700_000_000n);
    expect(native.roles.approvals_required).toBe(1);
  });

  it('round-trips through decodeConfig', () => {
    const c = config({
      kind: 'Multi',
      amount: 0n,
      milestones: [
        { description: 'a', amount: 5n, receiver: who.stranger },
        { description: 'b', amount: 7n, receiver: null },
      ],
    });
    expect(decodeConfigScVal(encodeConfig(c))).toEqual(c);
  });

  it('createCustomContract passes the config to the constructor and predicts the contract id', () => {
    const salt = new Uint8Array(32).fill(9);
    const { op, contractId } = createEscrowOp({
      deployer: who.platform,
      wasmHash: 'ab'.repeat(32),
      config: config(),
      salt,
      passphrase: Networks.STANDALONE,
    });
    const back = xdr.Operation.fromXdr(op.toXdr('base64'), 'base64');
    if (back.body.type !== 'invokeHostFunction') throw new Error('no');
    const fn = back.body.invokeHostFunctionOp.hostFunction;
    expect(fn.type).toBe('hostFunctionTypeCreateContractV2');
    if (fn.type !== 'hostFunctionTypeCreateContractV2') return;
    expect(fn.createContractV2.constructorArgs).toHaveLength(1);
    expect(scValToNative(fn.createContractV2.constructorArgs[0]!).title).toBe('Logo design');
    expect(contractId).toBe(contractIdFor(who.platform, salt, Networks.STANDALONE));
    expect(contractIdFor(who.platform, salt, Networks.TESTNET)).not.toBe(contractId);
    expect(StrKey.isValidContract(contractId)).toBe(true);
  });
});
