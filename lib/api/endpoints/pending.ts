/**
 * Pending multi-signer releases over HTTP: the dApp's pending flow (lib/pending) for platforms.
 * Start one (each signer's unsigned authorisation entry comes back), add each signer's signed
 * entry (verified before it is stored, a signed slot never replaced), read it, and prepare its
 * submit once all have signed (→ `{ xdr, ticket, … }`, then POST /transactions as usual).
 */
import { z } from 'zod';
import { MAX_SIGNED_ENTRY_LENGTH } from '../../pending/check-signature';
import { getPending } from '../../pending/app';
import { addSignature } from '../../pending/sign';
import { startPending, type StartRequest } from '../../pending/start';
import type { PendingStep } from '../../pending/store';
import { prepareSubmit } from '../../pending/submit';
import { fail, ok, type Result } from '../../stellar/result';
import { fieldErrors } from '../../steps/run';
import type { ApiContext } from '../route';
import { preparedResponse, sourceAccount } from './steps';

/** A malformed pending id is bad input (400), like a malformed escrow id; an unknown one is 404. */
function badPendingId(id: string): Result<never> | null {
  return /^[0-9a-f]{24}$/.test(id)
    ? null
    : fail('invalid-input', 'A pending step’s id is 24 hex characters', {
        pendingId: ['24 hex characters, as the start answered'],
      });
}

export const pendingStartBody = z.object({
  source: sourceAccount.describe('The release signer (G…) who starts it: one of `input.signers`'),
  input: z.unknown().describe('The release’s fields, as its form sends them (`{ signers: [G…, …] }`)'),
});

export const pendingSignatureBody = z.object({
  signed: z
    .string({ error: 'The signed authorisation entry, base64 XDR' })
    .min(1, 'The signed authorisation entry, base64 XDR')
    .max(MAX_SIGNED_ENTRY_LENGTH)
    .describe('One signer’s authorisation entry from `entries`, signed by that account (base64 XDR)'),
});

export const pendingSubmitBody = z.object({
  source: sourceAccount.describe('The account (G…) that signs and pays for the submit: anyone'),
});

export const pendingView = z.object({
  id: z.string(),
  escrow_id: z.string(),
  starter: z.string(),
  network_passphrase: z.string(),
  func: z.string().describe('The contract call (HostFunction), base64 XDR'),
  entries: z.array(
    z.object({
      address: z.string(),
      entry: z.string().describe('The unsigned authorisation entry this address signs, base64 XDR'),
      signed: z.string().nullable().describe('The signed entry once it is in (verified), else null'),
    }),
  ),
  complete: z.boolean().describe('Every signer has signed: POST …/submit'),
  valid_until_ledger: z.number().int().describe('Signatures must expire by this ledger; the step ends with it'),
  summary: z.array(z.string()),
  created_at: z.string(),
});

/** A pending step as the API shows it (never who asked for it). */
export function viewOf(p: PendingStep): z.infer<typeof pendingView> {
  return {
    id: p.id,
    escrow_id: p.escrowId,
    starter: p.starter,
    network_passphrase: p.networkPassphrase,
    func: p.func,
    entries: p.entries.map((e) => ({ address: e.address, entry: e.entry, signed: e.signed })),
    complete: p.entries.every((e) => e.signed !== null),
    valid_until_ledger: p.validUntilLedger,
    summary: p.summary,
    created_at: new Date(p.createdAt).toISOString(),
  };
}

/** POST /escrows/{id}/pending-releases and /escrows/{id}/milestones/{index}/pending-releases. */
export async function postPendingRelease({
  params,
  body,
  principal,
}: ApiContext<{ id: string; index?: string }>): Promise<Result<unknown>> {
  let milestone: number | null = null;
  if (params.index !== undefined) {
    if (!/^\d{1,3}$/.test(params.index)) return fail('bad-milestone', 'There is no such milestone');
    milestone = Number(params.index);
  }
  const parsed = pendingStartBody.safeParse(body);
  if (!parsed.success) return fail('invalid-input', 'Send { source, input }', fieldErrors(parsed.error));
  // Charged to the key while its starter has not signed, as the dApp charges a connection.
  const started = await startPending(
    {
      escrowId: params.id,
      source: parsed.data.source,
      milestone,
      // The release's own schema parses `input` inside startPending.
      input: (parsed.data.input ?? {}) as StartRequest['input'],
    },
    `api:${principal.keyId}`,
  );
  return started.ok ? ok(viewOf(started.data)) : started;
}

/** GET /pending/{pendingId}. */
export async function getPendingRelease({ params }: ApiContext<{ pendingId: string }>): Promise<Result<unknown>> {
  const bad = badPendingId(params.pendingId);
  if (bad) return bad;
  const p = await getPending(params.pendingId);
  return p ? ok(viewOf(p)) : fail('not-found', 'This pending step does not exist or its signatures have expired');
}

/** POST /pending/{pendingId}/signatures. */
export async function postPendingSignature({
  params,
  body,
}: ApiContext<{ pendingId: string }>): Promise<Result<unknown>> {
  const bad = badPendingId(params.pendingId);
  if (bad) return bad;
  const parsed = pendingSignatureBody.safeParse(body);
  if (!parsed.success) return fail('invalid-input', 'Some fields need attention', fieldErrors(parsed.error));
  const saved = await addSignature(params.pendingId, parsed.data.signed);
  return saved.ok ? ok(viewOf(saved.data)) : saved;
}

/** POST /pending/{pendingId}/submit: the transaction to sign, then POST /transactions. */
export async function postPendingSubmit({ params, body }: ApiContext<{ pendingId: string }>): Promise<Result<unknown>> {
  const bad = badPendingId(params.pendingId);
  if (bad) return bad;
  const parsed = pendingSubmitBody.safeParse(body);
  if (!parsed.success) return fail('invalid-input', 'Some fields need attention', fieldErrors(parsed.error));
  const prepared = await prepareSubmit(params.pendingId, parsed.data.source);
  return prepared.ok ? ok(preparedResponse(prepared.data)) : prepared;
}
