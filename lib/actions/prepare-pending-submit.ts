'use server';
import { prepareSubmit } from '../pending/submit';
import { unexpected } from '../log';
import { limitAction } from '../rate-limit';
import type { Result } from '../stellar/result';
import type { StepPrepared } from '../steps';

/** When every signer has signed: the transaction to sign and submit (see lib/pending/submit.ts). */
export async function preparePendingSubmit(req: { id: string; source: string }): Promise<Result<StepPrepared>> {
  const limited = await limitAction(2);
  if (limited) return limited;
  return prepareSubmit(req?.id, req?.source).catch((e: unknown) => unexpected('preparing a pending submit', e));
}
