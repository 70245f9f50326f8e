import type { ErrorCode } from '../errors/codes';
import type { AppError } from './errors';

/** What every server action returns. */
export type Result<T> = { ok: true; data: T } | { ok: false; error: AppError };

export const ok = <T>(data: T): Result<T> => ({ ok: true, data });
export const fail = (
  code: ErrorCode,
  message: string,
  fieldErrors?: Record<string, string[]>,
): { ok: false; error: AppError } => ({
  ok: false,
  error: fieldErrors ? { code, message, fieldErrors } : { code, message },
});

/** An error that already carries its sentence; thrown inside lib, caught by actions. */
export class ChainError extends Error {
  constructor(public readonly error: AppError) {
    super(error.message);
  }
}
