/**
 * Contract v2's events (contracts/escrow/README.md, "Events") from their ScVals to typed values.
 * Topics are `("escrow", action)`; data is a positional vector. Anything that does not have the
 * exact shape is refused here, so the projection only ever sees well-formed events.
 */
import { scValToNative, StrKey, xdr } from '@stellar/stellar-sdk';
import { z } from 'zod';
import type { EscrowConfig } from '@/lib/escrow/types';

const address = z
  .string()
  .refine((v) => StrKey.isValidEd25519PublicKey(v) || StrKey.isValidContract(v), 'not a StrKey');
const i128 = z.bigint();
const u32 = z.number().int().min(0);
const option = <T extends z.ZodType>(t: T) => t.nullish().transform((v) => v ?? null);

/** The config's terms as the contract stores them (its `TermsRow`) and its events carry them. */
export const terms = z.tuple([
  z.boolean(), // multi
  address, // token
  z.array(address), // approvers
  u32, // approvals_required
  address, // service_provider
  z.array(address), // release_signers
  u32, // releases_required
  address, // dispute_resolver
  address, // platform
  address, // receiver
  u32, // platform_fee_bps
  address, // protocol_fee_recipient
  u32, // protocol_fee_bps
  i128, // amount
  z.array(i128), // milestone_amounts
  z.array(option(address)), // milestone_receivers
  option(z.bigint()), // deadline
]);
/** The config's texts (engagement id, title, description, milestone descriptions), stored and carried alike. */
export const texts = z.tuple([z.string(), z.string(), z.string(), z.array(z.string())]);
const payout = z
  .tuple([address, i128, i128, i128, i128])
  .transform(([to, gross, refund, protocolFee, platformFee]) => ({ to, gross, refund, protocolFee, platformFee }));

export type Payout = z.infer<typeof payout>;

const schemas = {
  created: z.tuple([terms, texts]),
  updated: z.tuple([terms, texts, u32]),
  funded: z.tuple([address, i128]),
  status: z.tuple([u32, z.string(), option(z.string())]),
  approved: z.tuple([u32, address, z.boolean()]),
  released: z.tuple([option(u32), z.array(address), payout]),
  disputed: z.tuple([option(u32), address, z.string()]),
  resolved: z.tuple([option(u32), z.array(payout)]),
  withdrawn: z.tuple([z.array(payout)]),
  refunded: z.tuple([address, i128]),
};

export type EscrowAction = keyof typeof schemas;
/** One decoded event: its action and its data, typed per action. */
export type EscrowEventData = { [A in EscrowAction]: { action: A; data: z.infer<(typeof schemas)[A]> } }[EscrowAction];

/** `("escrow", action)` → the action, or null for any other topic. */
export function escrowAction(topics: xdr.ScVal[]): EscrowAction | null {
  if (topics.length !== 2 || topics.some((t) => t.type !== 'scvSymbol')) return null;
  const [scope, action] = topics.map((t) => String(scValToNative(t)));
  if (scope !== 'escrow' || !action || !(action in schemas)) return null;
  return action as EscrowAction;
}

/** Decodes one escrow event's data; throws a ZodError when it is not the contract's shape. */
export function decodeEventData(action: EscrowAction, value: xdr.ScVal): EscrowEventData {
  const data = schemas[action].parse(scValToNative(value));
  return { action, data } as EscrowEventData;
}

/** `created`'s or `updated`'s rows back to the config the instance stores. */
export function configFromEvent(t: z.infer<typeof terms>, x: z.infer<typeof texts>): EscrowConfig {
  const [multi, token, approvers, approvalsRequired, serviceProvider, releaseSigners, releasesRequired] = t;
  const [
    disputeResolver,
    platform,
    receiver,
    platformFeeBps,
    feeRecipient,
    feeBps,
    amount,
    amounts,
    receivers,
    deadline,
  ] = t.slice(7) as [
    string,
    string,
    string,
    number,
    string,
    number,
    bigint,
    bigint[],
    (string | null)[],
    bigint | null,
  ];
  return {
    kind: multi ? 'Multi' : 'Single',
    engagementId: x[0],
    title: x[1],
    description: x[2],
    token,
    roles: {
      approvers,
      approvalsRequired,
      serviceProvider,
      releaseSigners,
      releasesRequired,
      disputeResolver,
      platform,
      receiver,
    },
    platformFeeBps,
    protocolFee: { recipient: feeRecipient, bps: feeBps },
    amount,
    milestones: amounts.map((a, i) => ({ description: x[3][i] ?? '', amount: a, receiver: receivers[i] ?? null })),
    deadline,
  };
}

/** The decoded data as JSON for the timeline's jsonb (amounts as decimal strings). */
export function dataJson(e: EscrowEventData): unknown {
  return JSON.parse(JSON.stringify(e.data, (_, v) => (typeof v === 'bigint' ? v.toString() : v)));
}
