import { StrKey, xdr } from '@stellar/stellar-sdk';
import { describe, expect, it } from 'vitest';
import { contractError, failingContract, hostError, transactionResultError, type ContractErrorEntry } from './errors';

const ESCROW = StrKey.encodeContract(Buffer.alloc(32, 2));
const TOKEN = StrKey.encodeContract(Buffer.alloc(32, 1));
const table: ContractErrorEntry[] = [
  { code: 3, name: 'NotServiceProvider', message: 'Only the service provider may mark milestones' },
  { code: 10, name: 'Overfunded', message: 'That is more than the escrow still needs' },
];

function errorEvent(contract: string, code: number): xdr.DiagnosticEvent {
  return new xdr.DiagnosticEvent({
    inSuccessfulContractCall: false,
    event: new xdr.ContractEvent({
      ext: xdr.ExtensionPoint.v0(),
      contractId: new xdr.ContractId(StrKey.decodeContract(contract)),
      type: xdr.ContractEventType.diagnostic,
      body: xdr.ContractEventBody.v0(
        new xdr.ContractEventV0({
          topics: [xdr.ScVal.scvSymbol('error'), xdr.ScVal.scvError(xdr.ScError.sceContract(code))],
          data: xdr.ScVal.scvString('failing'),
        }),
      ),
    }),
  });
}

describe('contract errors', () => {
  it('maps the escrow’s codes through its table', () => {
    expect(contractError(3, table, false)).toEqual({
      code: 'escrow.NotServiceProvider',
      message: 'Only the service provider may mark milestones',
    });
    expect(contractError(99, table, false).message).toMatch(/error 99/);
  });

  it('tells a token’s error from the escrow’s with the same number', () => {
    const tokens = new Set([TOKEN]);
    const text = 'HostError: Error(Contract, #10)\n\nEvent log…';
    expect(hostError(text, [errorEvent(ESCROW, 10)], table, tokens).code).toBe('escrow.Overfunded');
    const fromToken = hostError(text, [errorEvent(TOKEN, 10), errorEvent(ESCROW, 10)], table, tokens);
    expect(fromToken.code).toBe('token.BalanceError');
    expect(fromToken.message).toMatch(/Insufficient balance/);
    expect(hostError('HostError: Error(Contract, #13)', [errorEvent(TOKEN, 13)], table, tokens).message).toMatch(
      /trustline/,
    );
    expect(failingContract([errorEvent(TOKEN, 1)])).toBe(TOKEN);
  });

  it('recognises missing authorisation and unknown failures', () => {
    expect(hostError('HostError: Error(Auth, InvalidAction)', [], table, new Set()).code).toBe('auth');
    expect(hostError('something odd\nmore', [], table, new Set()).message).toBe(
      'The network refused the call: something odd',
    );
  });
});

describe('transaction results', () => {
  const result = (r: xdr.TransactionResultResult) =>
    new xdr.TransactionResult({ feeCharged: 100n, result: r, ext: xdr.TransactionResultExt.v0() });

  it.each([
    [xdr.TransactionResultResult.txBadSeq(), 'txBadSeq', /sequence/],
    [xdr.TransactionResultResult.txInsufficientBalance(), 'txInsufficientBalance', /XLM/],
    [xdr.TransactionResultResult.txBadAuth(), 'txBadAuth', /another network/],
    [xdr.TransactionResultResult.txTooLate(), 'txTooLate', /expired/],
  ])('%#: %s', (r, code, message) => {
    const e = transactionResultError(result(r));
    expect(e.code).toBe(code);
    expect(e.message).toMatch(message);
  });

  it('names the failing operation', () => {
    const failed = xdr.TransactionResultResult.txFailed([
      xdr.OperationResult.opInner(
        xdr.OperationResultTr.invokeHostFunction(xdr.InvokeHostFunctionResult.invokeHostFunctionTrapped()),
      ),
    ]);
    expect(transactionResultError(result(failed))).toEqual({
      code: 'invokeHostFunctionTrapped',
      message: 'The contract refused the call',
    });
  });
});
