'use server';
import { addSignature } from '../pending/sign';
import type { PendingStep } from '../pending/store';
import { unexpected } from '../log';
import { limitAction } from '../rate-limit';
import type { Result } from '../stellar/result';

/** Stores one signer's verified signed entry (see lib/pending/sign.ts). */
export async function addPendingSignature(req: { id: string; signed: string }): Promise<Result<PendingStep>> {
  const limited = await limitAction(1);
  if (limited) return limited;
  return addSignature(req?.id, req?.signed).catch((e: unknown) => unexpected('adding a pending signature', e));
}
