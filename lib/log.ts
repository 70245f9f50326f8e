/**
 * Details for the operator, sentences for the user: what went wrong in full (RPC URLs, stacks)
 * goes to the server log only; callers get a stable code and a sentence without either.
 */
import type { AppError } from './stellar/errors';

/** Writes a failure with its context to the server log. */
export function logDetail(context: string, e: unknown): void {
  const detail = e instanceof Error ? (e.stack ?? e.message) : String(e);
  console.error(`OpenEscrow: ${context}: ${detail}`);
}

/** An unexpected failure, logged in full, as the sentence a user sees. */
export function unexpected(context: string, e: unknown): { ok: false; error: AppError } {
  logDetail(context, e);
  return {
    ok: false,
    error: {
      code: 'unexpected',
      message:
        'Something went wrong on the server; try again. If it persists, the operator can find the details in the server log.',
    },
  };
}
