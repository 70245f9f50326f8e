'use server';
import { startPending, type StartRequest } from '../pending/start';
import { unexpected } from '../log';
import { clientKey, limitAction } from '../rate-limit';
import { ok, type Result } from '../stellar/result';

/** Starts a release whose signers sign from their own wallets (see lib/pending/start.ts). */
export async function startPendingRelease(req: StartRequest): Promise<Result<{ id: string }>> {
  const limited = await limitAction(3);
  if (limited) return limited;
  // The store is a database now: a failure of it is the server's, said as such.
  const started = await startPending(req, await clientKey()).catch((e: unknown) =>
    unexpected('starting a pending release', e),
  );
  return started.ok ? ok({ id: started.data.id }) : started;
}
