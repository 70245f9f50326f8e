import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// A ticket proves that this server prepared a transaction with this content hash, without the
// server having to remember it. The key lives only in this process unless configured (several
// app instances behind one URL need the same OPENESCROW_TICKET_SECRET).
const key = process.env.OPENESCROW_TICKET_SECRET ? Buffer.from(process.env.OPENESCROW_TICKET_SECRET) : randomBytes(32);

export function ticketFor(hashHex: string): string {
  return createHmac('sha256', key).update(hashHex).digest('hex');
}

export function ticketMatches(hashHex: string, ticket: string): boolean {
  const expected = Buffer.from(ticketFor(hashHex), 'hex');
  const given = Buffer.from(ticket, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
