/**
 * The shared submit check: the signed transaction must be the one this server prepared (same
 * network, same content hash) and carry the source's valid signature; then it is sent and polled
 * until final. Failures come back as sentences.
 */
import { FeeBumpTransaction, Keypair, rpc, Transaction, TransactionBuilder, xdr } from '@stellar/stellar-sdk';
import type { NetworkConfig } from '../networks/config';
import {
  contractErrorOf,
  failingContract,
  contractError,
  transactionResultError,
  type ContractErrorEntry,
} from './errors';
import { rpcDown, rpcServer } from './rpc';
import { fail, ok, type Result } from './result';
import { ticketMatches } from './ticket';

export interface Submitted {
  hash: string;
  ledger: number;
  /** The contract call's return value as base64 ScVal XDR, when there is one. */
  returnValue: string | null;
}

/** Checks a signed transaction against its ticket before anything is sent. */
export function checkSigned(network: NetworkConfig, signedXdr: string, ticket: string): Result<Transaction> {
  let tx: Transaction | FeeBumpTransaction;
  try {
    tx = TransactionBuilder.fromXDR(signedXdr, network.passphrase);
  } catch {
    return fail('bad-xdr', 'The wallet returned something that is not a Stellar transaction');
  }
  if (tx instanceof FeeBumpTransaction) return fail('not-prepared', 'A fee-bump transaction is not what was prepared');
  const hash = tx.hash();
  if (!ticketMatches(Buffer.from(hash).toString('hex'), ticket))
    return fail('not-prepared', 'The signed transaction is not the one that was prepared (its content changed)');
  if (tx.signatures.length === 0) return fail('unsigned', 'The transaction is not signed');
  const source = Keypair.fromPublicKey(tx.source);
  const signedHere = tx.signatures.some(
    (s) => sameBytes(s.hint.value, source.signatureHint()) && source.verify(hash, s.signature),
  );
  if (!signedHere) {
    const hintMatches = tx.signatures.some((s) => sameBytes(s.hint.value, source.signatureHint()));
    return hintMatches
      ? fail(
          'network-mismatch',
          `The wallet signed for another network. This app is on ${network.label} (“${network.passphrase}”): switch your wallet to it and sign again.`,
        )
      : fail('wrong-signer', `The transaction must be signed by ${tx.source}, the account it was prepared for`);
  }
  return ok(tx);
}

/** Sends a checked transaction and polls it to a final status. */
export async function sendAndPoll(
  network: NetworkConfig,
  tx: Transaction,
  opts: { errors: readonly ContractErrorEntry[]; tokens?: ReadonlySet<string>; timeoutMs?: number },
): Promise<Result<Submitted>> {
  const server = rpcServer(network);
  const hash = Buffer.from(tx.hash()).toString('hex');
  let sent: rpc.Api.SendTransactionResponse;
  try {
    sent = await server.sendTransaction(tx);
  } catch (e) {
    return { ok: false, error: rpcDown('sendTransaction', e).error };
  }
  if (sent.status === 'ERROR') {
    return sent.errorResult
      ? { ok: false, error: transactionResultError(sent.errorResult) }
      : fail('rejected', 'The network refused the transaction');
  }
  if (sent.status === 'TRY_AGAIN_LATER') return fail('busy', 'The network is busy: try again in a few seconds');

  const deadline = Date.now() + (opts.timeoutMs ?? 30_000);
  let delay = 100;
  for (;;) {
    let res: rpc.Api.GetTransactionResponse;
    try {
      res = await server.getTransaction(hash);
    } catch (e) {
      return { ok: false, error: rpcDown('getTransaction', e).error };
    }
    if (res.status === rpc.Api.GetTransactionStatus.SUCCESS) {
      return ok({ hash, ledger: res.ledger, returnValue: res.returnValue ? res.returnValue.toXDR('base64') : null });
    }
    if (res.status === rpc.Api.GetTransactionStatus.FAILED) {
      return { ok: false, error: failedTransactionError(res, opts.errors, opts.tokens ?? new Set()) };
    }
    if (Date.now() > deadline)
      return fail(
        'timeout',
        `The transaction ${hash} is not final after ${(opts.timeoutMs ?? 30_000) / 1000} s; check it later`,
      );
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(delay * 2, 1_000);
  }
}

function failedTransactionError(
  res: rpc.Api.GetFailedTransactionResponse,
  errors: readonly ContractErrorEntry[],
  tokens: ReadonlySet<string>,
) {
  const events: xdr.DiagnosticEvent[] = res.diagnosticEventsXdr ?? [];
  for (const e of events) {
    const code = contractErrorOf(e);
    if (code !== null) {
      const by = failingContract(events);
      return contractError(code, errors, by !== null && tokens.has(by));
    }
  }
  return transactionResultError(res.resultXdr);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
