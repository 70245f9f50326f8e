import { z } from 'zod';
import { formatAmount, parseAmount, AmountError, MAX_AMOUNT_LENGTH, percentToBps } from '../amounts';
import { addressProblem, isAccountAddress, isContractAddress } from '../strkey';

/** A `G…` or `C…` address with a valid checksum; the message says what is wrong with it. */
export const address = z
  .string()
  .trim()
  .superRefine((v, ctx) => {
    const problem = addressProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .meta({ pattern: '^[GC][A-Z2-7]{55}$', description: 'A Stellar address: an account (G…) or a contract (C…)' });

/** An escrow's contract id (`C…`). */
export const contractId = z
  .string()
  .trim()
  .refine(isContractAddress, 'An escrow id is a contract address: C… with 56 characters')
  .meta({ pattern: '^C[A-Z2-7]{55}$', description: 'A contract id (C…, 56 characters)' });

/** The wallet that will sign: an account (`G…`). */
export const accountAddress = z
  .string()
  .trim()
  .refine(isAccountAddress, 'Connect a wallet with a Stellar account (G…)')
  .meta({ pattern: '^G[A-Z2-7]{55}$', description: 'A Stellar account (G…, 56 characters)' });

/** A positive decimal amount with at most `decimals` fractional digits, as a string. */
export function positiveAmount(decimals: number, label = 'Amount') {
  return z
    .string()
    .trim()
    .min(1, `${label} is required`)
    .superRefine((v, ctx) => {
      try {
        if (parseAmount(v, decimals) <= 0n) ctx.addIssue({ code: 'custom', message: `${label} must be more than 0` });
      } catch (e) {
        ctx.addIssue({ code: 'custom', message: e instanceof AmountError ? e.message : 'Not a valid amount' });
      }
    })
    .meta({
      pattern: '^[0-9]+(\\.[0-9]*)?$',
      maxLength: MAX_AMOUNT_LENGTH,
      description: `${label}: a decimal amount in the token’s units, more than 0, with at most as many digits after the point as the token has decimals`,
    });
}

/** A fee percentage ("3", "0.5"), at most two decimals, 0–100. */
export const percent = z
  .string()
  .trim()
  .min(1, 'Enter a percentage, 0 for none')
  .superRefine((v, ctx) => {
    try {
      percentToBps(v);
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: e instanceof AmountError ? e.message : 'Not a valid percentage' });
    }
  })
  .meta({ pattern: '^[0-9]{1,3}(\\.[0-9]{1,2})?$', description: 'A percentage, 0 to 100, at most two decimals' });

export const text = (label: string, max: number, min = 1) =>
  z
    .string()
    .trim()
    .min(min, min === 1 ? `${label} is required` : `${label} needs at least ${min} characters`)
    .max(max, `${label}: at most ${max} characters`);

/** A milestone's index as the browser sends it (a number; the contract allows 20 milestones). */
export const milestoneIndex = z.number().int().min(0, 'No such milestone').max(19, 'No such milestone');

/** One recipient's share of a distribution. */
export function share(decimals: number) {
  return z.object({ recipient: address, amount: positiveAmount(decimals, 'Share') });
}

/** A distribution must add up to `total` exactly (base units), and name each recipient once. */
export function distribution(decimals: number, total: bigint | null) {
  return z
    .array(share(decimals))
    .min(1, 'Add at least one recipient')
    .max(20, 'At most 20 recipients')
    .superRefine((shares, ctx) => {
      const seen = new Set<string>();
      shares.forEach((s, i) => {
        if (seen.has(s.recipient))
          ctx.addIssue({ code: 'custom', path: [i, 'recipient'], message: 'This recipient is listed twice' });
        seen.add(s.recipient);
      });
      if (total === null) return;
      let sum = 0n;
      for (const s of shares) {
        try {
          sum += parseAmount(s.amount, decimals);
        } catch {
          return; // the share's own error says why
        }
      }
      if (sum !== total) {
        ctx.addIssue({
          code: 'custom',
          message: `The shares add up to ${formatAmount(sum, decimals)}; they must add up to ${formatAmount(total, decimals)}`,
        });
      }
    });
}
