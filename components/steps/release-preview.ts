/** The payout a release page shows before the wallet opens: the same lines as the step's summary. */
import type { Escrow } from '@/lib/escrow/types';
import type { TokenInfo } from '@/lib/stellar/rpc';
import { releasePayout } from '@/lib/steps/payout';

export function releasePreview(escrow: Escrow, token: TokenInfo, milestone: number | null): string[] {
  return releasePayout({ escrow, token }, milestone).lines;
}
