'use server';
import { startPending, type StartRequest } from '../pending/start';
import { clientKey, limitAction } from '../rate-limit';
import { ok, type Result } from '../stellar/result';

/** Starts a release whose signers sign from their own wallets (see lib/pending/start.ts). */
export async function startPendingRelease(req: StartRequest): Promise<Result<{ id: string }>> {
  const limited = await limitAction(3);
  if (limited) return limited;
  const started = await startPending(req, await clientKey());
  return started.ok ? ok({ id: started.data.id }) : started;
}
