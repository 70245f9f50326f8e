/**
 * Details for the operator, sentences for the user: what went wrong in full (RPC URLs, stacks)
 * goes to the server log only; callers get a stable code and a sentence without either.
 */
import type { AppError } from './stellar/errors';

/** Writes a failure with its context to the server log. */
export function logDetail(context: string, e: unknown): void {
  console.error(`OpenEscrow: ${context}: ${describe(e)}`);
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

/** An error's stack, or a plain object's fields (an RPC error is `{ code, message }`), never "[object Object]". */
function describe(e: unknown): string {
  if (e instanceof Error) return e.stack ?? e.message;
  if (typeof e === 'object' && e !== null) {
    try {
      return JSON.stringify(e, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
    } catch {
      return Object.prototype.toString.call(e);
    }
  }
  return String(e);
}
