/**
 * Errors from the chain, turned into sentences. Contract errors come from the escrow's own
 * table (`contracts/escrow/errors.json`) or, when a token contract raised them, from the
 * Stellar Asset Contract's; transaction result codes have their own table.
 */
import { StrKey, xdr } from '@stellar/stellar-sdk';
import type { ErrorCode, NetworkResultCode } from '../errors/codes';

export interface ContractErrorEntry {
  code: number;
  name: string;
  message: string;
}

/** A failure the page can show: a stable code and a sentence. */
export interface AppError {
  /** A stable code from lib/errors/codes.ts. */
  code: ErrorCode;
  message: string;
  fieldErrors?: Record<string, string[]>;
}

/** The Stellar Asset Contract's errors (soroban-env-host `ContractError`), as people meet them. */
export const TOKEN_ERRORS: Record<number, { name: string; message: string }> = {
  1: { name: 'InternalError', message: 'The token contract failed internally' },
  2: { name: 'OperationNotSupportedError', message: 'The token does not support this operation' },
  3: { name: 'AlreadyInitializedError', message: 'The token is already initialised' },
  4: { name: 'UnauthorizedError', message: 'Not authorised by the token' },
  5: { name: 'AuthenticationError', message: 'The token refused the authorisation' },
  6: { name: 'AccountMissingError', message: 'The account does not exist on this network: fund it with XLM first' },
  7: { name: 'AccountIsNotClassic', message: 'The account is not a classic Stellar account' },
  8: { name: 'NegativeAmountError', message: 'The amount is negative' },
  9: { name: 'AllowanceError', message: 'Not enough allowance' },
  10: { name: 'BalanceError', message: 'Insufficient balance: the account does not hold enough of this token' },
  11: { name: 'BalanceDeauthorizedError', message: 'The issuer has frozen this account’s trustline' },
  12: { name: 'OverflowError', message: 'The amount overflows the token’s balance' },
  13: {
    name: 'TrustlineMissingError',
    message: 'Missing trustline: the account has no trustline for this token. Add it first.',
  },
};

/** Transaction-level result codes (TransactionResultCode) → sentences. */
const TX_RESULTS: Record<string, string> = {
  txFailed: 'The operation failed',
  txTooEarly: 'The transaction is not valid yet',
  txTooLate: 'The transaction expired before it was submitted: prepare it again',
  txMissingOperation: 'The transaction has no operation',
  txBadSeq: 'The account’s sequence number moved on (another transaction was sent): prepare it again',
  txBadAuth: 'The signature does not match the account (wrong key, or signed for another network)',
  txInsufficientBalance: 'Insufficient XLM balance to pay the network fee and keep the minimum reserve',
  txNoAccount: 'The source account does not exist on this network: fund it with XLM first',
  txInsufficientFee: 'The fee is too low for the network now: prepare it again',
  txBadAuthExtra: 'The transaction carries signatures it does not need',
  txInternalError: 'The network failed internally: try again',
  txNotSupported: 'The network does not support this transaction',
  txBadSponsorship: 'The sponsorship is not valid',
  txBadMinSeqAgeOrGap: 'The transaction’s sequence conditions are not met',
  txMalformed: 'The transaction is malformed',
  txSorobanInvalid: 'The contract call’s resources are not valid: prepare it again',
};

/** InvokeHostFunction and other operation result codes → sentences. */
const OP_RESULTS: Record<string, string> = {
  invokeHostFunctionTrapped: 'The contract refused the call',
  invokeHostFunctionResourceLimitExceeded: 'The call needed more resources than prepared: prepare it again',
  invokeHostFunctionEntryArchived: 'Part of the contract’s state is archived and must be restored first',
  invokeHostFunctionInsufficientRefundableFee: 'The fee did not cover the contract’s rent: prepare it again',
  invokeHostFunctionMalformed: 'The contract call is malformed',
  changeTrustLowReserve: 'Not enough XLM for the reserve a new trustline needs (0.5 XLM)',
  changeTrustNoIssuer: 'The token’s issuer does not exist on this network',
  changeTrustInvalidLimit: 'The trustline still holds a balance',
  changeTrustMalformed: 'The asset is malformed',
};

const CONTRACT_ERROR = /Error\(Contract, #(\d+)\)/;

export function contractErrorCode(text: string): number | null {
  const m = CONTRACT_ERROR.exec(text);
  return m ? Number(m[1]) : null;
}

/**
 * Which contract raised the error: the first diagnostic `error` event that carries a contract
 * error names the contract that failed (a token's failure propagates unchanged to the escrow).
 */
export function failingContract(events: readonly xdr.DiagnosticEvent[]): string | null {
  for (const e of events) {
    if (contractErrorOf(e) !== null && e.event.contractId)
      return StrKey.encodeContract(Buffer.from(e.event.contractId.value));
  }
  return null;
}

/** The contract error code a diagnostic `error` event carries, if any. */
export function contractErrorOf(e: xdr.DiagnosticEvent): number | null {
  const body = e.event.body;
  if (body.type !== 'v0') return null;
  const [tag, err] = body.v0.topics;
  if (tag?.type !== 'scvSymbol' || tag.value !== 'error') return null;
  if (err?.type !== 'scvError' || err.error.type !== 'sceContract') return null;
  return err.error.contractCode;
}

/**
 * A contract error as an {@link AppError}. `fromToken` says the token contract raised it (then
 * the asset contract's table applies, else the escrow's).
 */
export function contractError(code: number, table: readonly ContractErrorEntry[], fromToken: boolean): AppError {
  if (fromToken) {
    const t = TOKEN_ERRORS[code];
    return {
      code: t ? `token.${t.name}` : `token.${code}`,
      message: t?.message ?? `The token contract refused the call (error ${code})`,
    };
  }
  const e = table.find((x) => x.code === code);
  return e
    ? { code: `escrow.${e.name}`, message: e.message }
    : { code: `escrow.${code}`, message: `The escrow contract refused the call (error ${code})` };
}

/**
 * A simulation or host error string (with its diagnostic events) → sentence. Recognises
 * contract errors, missing authorisation, missing accounts and archived entries.
 */
export function hostError(
  text: string,
  events: readonly xdr.DiagnosticEvent[],
  table: readonly ContractErrorEntry[],
  tokens: ReadonlySet<string>,
): AppError {
  const code = contractErrorCode(text);
  if (code !== null) {
    const by = failingContract(events);
    return contractError(code, table, by !== null && tokens.has(by));
  }
  if (/Error\(Auth, /.test(text))
    return { code: 'auth', message: 'A required signature is missing or does not match the role' };
  if (/Error\(Storage, MissingValue\)/.test(text) || /trustline/i.test(text))
    return {
      code: 'missing-entry',
      message: 'Something the call needs does not exist on-chain (an account, a trustline or the escrow)',
    };
  if (/archived/i.test(text))
    return { code: 'archived', message: 'Part of the escrow’s state is archived and must be restored first' };
  if (/Error\(Budget, /.test(text))
    return { code: 'budget', message: 'The call exceeds the network’s resource limits' };
  const firstLine = text.split('\n')[0] ?? text;
  return { code: 'simulation', message: `The network refused the call: ${firstLine.slice(0, 200)}` };
}

/** A transaction result (from sendTransaction's errorResult or getTransaction) → sentence. */
export function transactionResultError(result: xdr.TransactionResult): AppError {
  const r = result.result;
  const name = r.type;
  const ops =
    r.type === 'txFailed' ? r.results : r.type === 'txFeeBumpInnerFailed' ? innerResults(r.innerResultPair) : [];
  for (const op of ops) {
    if (op.type !== 'opInner') return { code: op.type, message: TX_RESULTS.txBadAuth! };
    // An operation result's XDR name (invokeHostFunctionTrapped, changeTrustLowReserve, …).
    const opResult = (op.tr.value as { type: string }).type as NetworkResultCode;
    if (!/Success$/.test(opResult))
      return { code: opResult, message: OP_RESULTS[opResult] ?? `The operation failed (${opResult})` };
  }
  return { code: name, message: TX_RESULTS[name] ?? `The network refused the transaction (${name})` };
}

function innerResults(pair: xdr.InnerTransactionResultPair): xdr.OperationResult[] {
  const inner = pair.result.result;
  return inner.type === 'txFailed' ? inner.results : [];
}
