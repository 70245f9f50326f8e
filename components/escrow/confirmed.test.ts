import { describe, expect, it } from 'vitest';
import type { EscrowEvent } from '@/lib/stellar/rpc';
import { confirmedEvent } from './confirmed';

const TX = 'ab'.repeat(32);
const event = (action: string, txHash = TX): EscrowEvent => ({
  id: '1',
  action,
  ledger: 1,
  closedAt: '',
  txHash,
  data: '',
});

describe('the confirmed banner', () => {
  it('names the step of the link when the chain recorded its event', () => {
    expect(confirmedEvent([event('funded')], 'fund', TX)?.name).toBe('Funded');
    expect(confirmedEvent([event('resolved')], 'resolve-milestone', TX)?.name).toBe('Milestone dispute resolved');
    expect(confirmedEvent([event('created')], 'create', TX)?.name).toBe('Escrow created');
  });

  it('takes the name from the event when the link names another step (whole-escrow wording first)', () => {
    expect(confirmedEvent([event('created')], 'fund', TX)?.name).toBe('Escrow created');
    expect(confirmedEvent([event('resolved')], 'fund', TX)?.name).toBe('Dispute resolved');
    expect(confirmedEvent([event('released')], undefined, TX)?.name).toBe('Released');
  });

  it('shows nothing for a transaction without this escrow’s event, or a malformed hash', () => {
    expect(confirmedEvent([event('funded', 'cd'.repeat(32))], 'fund', TX)).toBeNull();
    expect(confirmedEvent([event('funded')], 'fund', 'not-a-hash')).toBeNull();
  });
});
