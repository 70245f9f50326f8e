/** The payout a release page shows before the wallet opens (the server's summary says the same with fees). */
import { displayAmount } from '@/lib/amounts';
import { milestoneReceiver, type Escrow } from '@/lib/escrow/types';
import { splitFees } from '@/lib/fees';
import type { TokenInfo } from '@/lib/stellar/rpc';

export function releasePreview(escrow: Escrow, token: TokenInfo, milestone: number | null): string[] {
  const c = escrow.config;
  const gross = milestone === null ? c.amount : c.milestones[milestone]!.amount;
  const f = splitFees(gross, { platformBps: c.platformFeeBps, protocolBps: c.protocolFee.bps });
  const a = (u: bigint) => `${displayAmount(u, token.decimals)} ${token.label}`;
  const who = milestone === null ? 'The receiver' : milestoneReceiver(c, milestone);
  return [`${who} gets ${a(f.net)}.`, `The platform gets ${a(f.platform)}; the protocol gets ${a(f.protocol)}.`];
}
