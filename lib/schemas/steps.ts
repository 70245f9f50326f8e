/**
 * One zod schema per lifecycle step, shared by the step's form (react-hook-form) and its server
 * action. Amount-bearing schemas are factories of the token's decimals (and of the total a
 * distribution must reach), because those come from the escrow on-chain.
 */
import { z } from 'zod';
import { address, distribution, percent, positiveAmount, text } from './fields';
import { LATEST_DATE_SECONDS } from '../text';

export const fundSchema = (decimals: number) => z.object({ amount: positiveAmount(decimals) });
export type FundInput = z.input<ReturnType<typeof fundSchema>>;
/**
 * What the fund action receives: the form's amount and the version of the terms the page
 * showed (the contract refuses a `fund` under any other version).
 */
export const fundRequestSchema = (decimals: number) =>
  fundSchema(decimals).extend({
    // The contract's u32: a larger number cannot even be encoded into the call.
    termsVersion: z
      .number()
      .int('Terms version: a whole number')
      .min(1, 'Terms version: 1 or more')
      .max(0xffff_ffff, 'Terms version: at most 4294967295'),
  });
export type FundRequest = z.input<ReturnType<typeof fundRequestSchema>>;

export const statusSchema = z.object({
  status: text('Status', 50),
  evidence: z.string().trim().max(500, 'Evidence: at most 500 characters'),
});
export type StatusInput = z.input<typeof statusSchema>;

export const approveSchema = z.object({});
export type ApproveInput = z.input<typeof approveSchema>;

export const releaseSchema = z.object({
  signers: z.array(address).min(1, 'Choose at least one release signer').max(5, 'At most 5 release signers'),
});
export type ReleaseInput = z.input<typeof releaseSchema>;

export const disputeSchema = z.object({ reason: text('Reason', 500) });
export type DisputeInput = z.input<typeof disputeSchema>;

export const resolveSchema = (decimals: number, total: bigint | null) =>
  z.object({ distributions: distribution(decimals, total) });
export type ResolveInput = z.input<ReturnType<typeof resolveSchema>>;

export const withdrawSchema = resolveSchema;
export type WithdrawInput = ResolveInput;

export const refundSchema = z.object({});
export type RefundInput = z.input<typeof refundSchema>;

const addressItem = z.object({ address });

/** Create and edit share one schema: the whole configuration. */
export const escrowFormSchema = (decimals: number) =>
  z
    .object({
      kind: z.enum(['Single', 'Multi']),
      title: text('Title', 100),
      engagementId: text('Engagement ID', 100),
      description: z.string().trim().max(500, 'Description: at most 500 characters'),
      token: z
        .string()
        .trim()
        .min(1, 'Choose a token')
        .refine(
          (v) => /^C[A-Z2-7]{55}$/.test(v) || /^[A-Za-z0-9]{1,12}:G[A-Z2-7]{55}$/.test(v),
          'A token is a contract id (C…) or an asset CODE:ISSUER',
        ),
      amount: z.string().trim(),
      milestones: z
        .array(
          z.object({
            description: text('Milestone description', 500),
            amount: z.string().trim(),
            receiver: z.string().trim(),
          }),
        )
        .min(1, 'Add at least one milestone')
        .max(20, 'At most 20 milestones'),
      approvers: z.array(addressItem).min(1, 'Add at least one approver').max(5, 'At most 5 approvers'),
      approvalsRequired: z.coerce.number<string | number>().int().min(1, 'At least 1'),
      serviceProvider: address,
      releaseSigners: z
        .array(addressItem)
        .min(1, 'Add at least one release signer')
        .max(5, 'At most 5 release signers'),
      releasesRequired: z.coerce.number<string | number>().int().min(1, 'At least 1'),
      disputeResolver: address,
      platform: address,
      receiver: address,
      platformFeePercent: percent,
      deadline: z.string().trim(),
    })
    .superRefine((v, ctx) => {
      if (v.approvalsRequired > v.approvers.length)
        ctx.addIssue({
          code: 'custom',
          path: ['approvalsRequired'],
          message: `At most ${v.approvers.length} (the number of approvers)`,
        });
      if (v.releasesRequired > v.releaseSigners.length)
        ctx.addIssue({
          code: 'custom',
          path: ['releasesRequired'],
          message: `At most ${v.releaseSigners.length} (the number of release signers)`,
        });
      const single = v.kind === 'Single';
      if (single) {
        const r = positiveAmount(decimals).safeParse(v.amount);
        if (!r.success) ctx.addIssue({ code: 'custom', path: ['amount'], message: r.error.issues[0]!.message });
      }
      v.milestones.forEach((m, i) => {
        if (single) return;
        const r = positiveAmount(decimals, 'Milestone amount').safeParse(m.amount);
        if (!r.success)
          ctx.addIssue({ code: 'custom', path: ['milestones', i, 'amount'], message: r.error.issues[0]!.message });
        if (m.receiver) {
          const a = address.safeParse(m.receiver);
          if (!a.success)
            ctx.addIssue({ code: 'custom', path: ['milestones', i, 'receiver'], message: a.error.issues[0]!.message });
        }
      });
      if (v.deadline && Number.isNaN(Date.parse(v.deadline)))
        ctx.addIssue({ code: 'custom', path: ['deadline'], message: 'Not a valid date and time' });
      else if (v.deadline && Date.parse(v.deadline) > Number(LATEST_DATE_SECONDS) * 1000)
        ctx.addIssue({
          code: 'custom',
          path: ['deadline'],
          message: 'A deadline after the year 9999 is too far in the future',
        });
      dupes(v.approvers, 'approvers', ctx);
      dupes(v.releaseSigners, 'releaseSigners', ctx);
    });
export type EscrowFormInput = z.input<ReturnType<typeof escrowFormSchema>>;
export type EscrowFormValues = z.output<ReturnType<typeof escrowFormSchema>>;

function dupes(items: { address: string }[], path: string, ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.address)) ctx.addIssue({ code: 'custom', path: [path, i, 'address'], message: 'Listed twice' });
    seen.add(item.address);
  });
}
