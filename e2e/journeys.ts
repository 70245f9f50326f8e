/** Journeys shared by the specs and the benchmark. */
import { expect, type Page } from '@playwright/test';
import type { Keypair } from '@stellar/stellar-sdk';
import { createEscrow, markAndApprove, openStep, submitStep, useAccount } from './app';

export interface SingleReleaseCast {
  platform: Keypair;
  provider: Keypair;
  approver: Keypair;
  signer: Keypair;
  receiver: Keypair;
}

/** Create (as Platform) → fund (as Funder, `fund` prepares the account first) → mark and approve every milestone → release. */
export async function singleReleaseLifecycle(
  page: Page,
  cast: SingleReleaseCast,
  token: string,
  opts: { amount: string; platformFee: string; milestones: string[]; beforeFund?: () => Promise<void> },
): Promise<string> {
  await useAccount(page, 'Platform');
  const id = await createEscrow(page, {
    title: 'Logo design',
    token,
    amount: opts.amount,
    milestones: opts.milestones.map((description) => ({ description })),
    approvers: [cast.approver.publicKey()],
    serviceProvider: cast.provider.publicKey(),
    releaseSigners: [cast.signer.publicKey()],
    disputeResolver: cast.platform.publicKey(),
    receiver: cast.receiver.publicKey(),
    platformFee: opts.platformFee,
  });
  await useAccount(page, 'Funder');
  await openStep(page, id, 'Fund');
  await opts.beforeFund?.();
  await expect(page.getByLabel('Amount (USDC)')).toHaveValue(opts.amount);
  await submitStep(page, 'Fund the escrow', 'Funded');

  await useAccount(page, 'Provider');
  for (let i = 0; i < opts.milestones.length; i++) {
    await openStep(page, id, `Mark milestone ${i + 1}`);
    await page.getByLabel('Status').fill('Delivered');
    await page.getByLabel('Evidence (optional)').fill(`https://example.org/files/${i}`);
    await submitStep(page, `Mark milestone ${i + 1}`, 'Milestone marked');
  }
  await useAccount(page, 'Approver');
  for (let i = 0; i < opts.milestones.length; i++) {
    await openStep(page, id, `Approve milestone ${i + 1}`);
    await submitStep(page, `Approve milestone ${i + 1}`, 'Milestone approved');
  }
  await useAccount(page, 'Signer');
  await openStep(page, id, 'Release funds');
  await submitStep(page, 'Release the funds', 'Released');
  return id;
}

/**
 * The dev wallet's `Alice` account starts a pending release of escrow `id` and signs her own
 * authorisation; the page is left on the pending release, which the other signers open.
 */
export async function startReleaseAsAlice(page: Page, id: string, alice: Keypair) {
  await useAccount(page, 'Alice');
  await openStep(page, id, 'Release funds');
  await page.getByRole('button', { name: 'Start and collect signatures' }).click();
  await page.waitForURL(/\/pending\/[0-9a-f]+$/);
  await page.getByRole('button', { name: 'Sign my authorisation' }).click();
  await expect(page.getByTestId('pending-signers')).toContainText(`${alice.publicKey()}signed`);
}

export interface TwoSignerCast {
  platform: Keypair;
  provider: Keypair;
  approver: Keypair;
  alice: Keypair;
  lawyer: Keypair;
  receiver: Keypair;
}

/**
 * An escrow whose release needs Alice and the lawyer (2 of 2), created by the connected
 * `Platform` account, funded by `Funder`, its one milestone marked and approved; returns its id.
 */
export async function approvedTwoOfTwo(
  page: Page,
  cast: TwoSignerCast,
  token: string,
  opts: { title: string; amount: string; milestone: string },
): Promise<string> {
  const id = await createEscrow(page, {
    title: opts.title,
    token,
    amount: opts.amount,
    milestones: [{ description: opts.milestone }],
    approvers: [cast.approver.publicKey()],
    serviceProvider: cast.provider.publicKey(),
    releaseSigners: [cast.alice.publicKey(), cast.lawyer.publicKey()],
    releasesRequired: 2,
    disputeResolver: cast.platform.publicKey(),
    receiver: cast.receiver.publicKey(),
    platformFee: '0',
  });
  await useAccount(page, 'Funder');
  await openStep(page, id, 'Fund');
  await submitStep(page, 'Fund the escrow', 'Funded');
  await markAndApprove(page, id);
  return id;
}
