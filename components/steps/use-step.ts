'use client';
/**
 * Runs one lifecycle step in the browser: prepare (server action) → other signers' authorisations
 * (when the wallet holds their keys) → the wallet signs → submit (server action) → confirmed.
 * Every failure ends in a sentence; nothing is left half-shown.
 */
import { useState } from 'react';
import { TransactionBuilder } from '@stellar/stellar-sdk';
import { authAddress } from '@/lib/stellar/auth';
import type { AppError } from '@/lib/stellar/errors';
import type { Result } from '@/lib/stellar/result';
import type { StepPrepared } from '@/lib/steps/types';
import { addSignedAuth } from '@/lib/actions/add-signed-auth';
import { submitTransaction } from '@/lib/actions/submit-transaction';
import { shortAddress } from '@/lib/strkey';
import { useWallet, WalletError } from '../wallet/wallet-provider';

export type StepPhase = 'idle' | 'preparing' | 'authorizing' | 'signing' | 'submitting' | 'confirmed' | 'error';

export interface StepState {
  phase: StepPhase;
  prepared?: StepPrepared;
  hash?: string;
  error?: AppError;
}

export function useStep() {
  const wallet = useWallet();
  const [state, setState] = useState<StepState>({ phase: 'idle' });

  async function run(prepare: () => Promise<Result<StepPrepared>>, opts: { tokens?: string[]; label?: string; onConfirmed?: (p: StepPrepared, hash: string) => void } = {}) {
    const failWith = (error: AppError, prepared?: StepPrepared) => {
      setState({ phase: 'error', error, prepared });
      return null;
    };
    if (!wallet.address) return failWith({ code: 'no-wallet', message: 'Connect a wallet first (top right)' });
    setState({ phase: 'preparing' });
    let res: Result<StepPrepared>;
    try {
      const started = performance.now();
      res = await prepare();
      recordTiming(opts.label ?? 'step', 'prepare', performance.now() - started);
    } catch (e) {
      return failWith({ code: 'unexpected', message: `The server could not prepare this step: ${(e as Error).message}` });
    }
    if (!res.ok) return failWith(res.error);
    let prepared = res.data;

    if (prepared.otherSigners.length) {
      const missing = prepared.otherSigners.filter((a) => !wallet.canSignAuthFor(a));
      if (missing.length)
        return failWith(
          { code: 'needs-signers', message: `This step also needs the signature of ${missing.map(shortAddress).join(', ')}, which this wallet does not hold.` },
          prepared,
        );
      setState({ phase: 'authorizing', prepared });
      try {
        const entries = await signOtherEntries(prepared);
        const again = await addSignedAuth({ prepared, signedEntries: entries });
        if (!again.ok) return failWith(again.error, prepared);
        prepared = again.data;
      } catch (e) {
        return failWith({ code: 'auth-signing', message: `Signing the other signers’ authorisations failed: ${(e as Error).message}` }, prepared);
      }
    }

    setState({ phase: 'signing', prepared });
    let signed: string;
    try {
      signed = await wallet.signTransaction(prepared.xdr);
    } catch (e) {
      const err = e instanceof WalletError ? e : new WalletError('rejected', String((e as Error)?.message ?? e));
      return failWith({ code: err.code, message: err.message }, prepared);
    }
    setState({ phase: 'submitting', prepared });
    const submitted = performance.now();
    let sent;
    try {
      sent = await submitTransaction({ signedXdr: signed, ticket: prepared.ticket, tokens: opts.tokens });
    } catch (e) {
      return failWith({ code: 'unexpected', message: `Submitting failed: ${(e as Error).message}` }, prepared);
    }
    if (!sent.ok) return failWith(sent.error, prepared);
    recordTiming(opts.label ?? 'step', 'submit', performance.now() - submitted);
    setState({ phase: 'confirmed', prepared, hash: sent.data.hash });
    opts.onConfirmed?.(prepared, sent.data.hash);
    return sent.data;
  }

  async function signOtherEntries(prepared: StepPrepared): Promise<string[]> {
    const tx = TransactionBuilder.fromXDR(prepared.xdr, prepared.networkPassphrase);
    if (!('operations' in tx)) throw new Error('unexpected fee-bump transaction');
    const op = tx.operations[0];
    if (!op || op.type !== 'invokeHostFunction') return [];
    const out: string[] = [];
    for (const entry of op.auth ?? []) {
      const who = authAddress(entry);
      if (!who || !prepared.otherSigners.includes(who)) continue;
      out.push(await wallet.signAuthEntry(entry.toXdr('base64'), who, prepared.authValidUntilLedger));
    }
    return out;
  }

  return { state, run, reset: () => setState({ phase: 'idle' }) };
}

/** Benchmarks (npm run bench:e2e) read how long each phase took; nothing is recorded unless they ask. */
function recordTiming(step: string, phase: 'prepare' | 'submit', ms: number) {
  const sink = (window as unknown as { __openescrowTimings?: { step: string; phase: string; ms: number }[] }).__openescrowTimings;
  sink?.push({ step, phase, ms });
}
