'use server';
import { unexpected } from '../log';
import { limitAction } from '../rate-limit';
import { getPending } from '../pending/app';
import type { PendingStep } from '../pending/store';
import { fail, ok, type Result } from '../stellar/result';

/** What the pending page shows (public: it holds nothing secret). */
export async function readPending(req: { id: string }): Promise<Result<PendingStep>> {
  const limited = await limitAction(1);
  if (limited) return limited;
  try {
    const p = await getPending(req?.id);
    return p
      ? ok(p)
      : fail('not-found', 'This pending step does not exist or its signatures have expired; start the release again');
  } catch (e) {
    return unexpected('reading a pending release', e);
  }
}
