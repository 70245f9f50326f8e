/** Page helpers: the Local dev wallet, the create form, the steps. Built on roles and labels. */
import { expect, type Page } from '@playwright/test';
import type { Keypair } from '@stellar/stellar-sdk';

export type Accounts = Record<string, Keypair>;

/** Puts the accounts into the Local dev wallet (`openescrow:dev-wallet`), `active` first. */
export async function seedWallet(page: Page, accounts: Accounts, active: string) {
  await page.goto('/');
  await page.evaluate(
    ({ list, active }) => {
      localStorage.setItem('openescrow:dev-wallet', JSON.stringify({ accounts: list, active }));
      localStorage.setItem('openescrow:wallet', 'dev');
    },
    {
      list: Object.entries(accounts).map(([name, k]) => ({ name, secret: k.secret() })),
      active: accounts[active]!.publicKey(),
    },
  );
  await page.reload();
  await expect(page.getByTestId('wallet-button')).toContainText(active);
}

/** Switches the active dev-wallet account through the wallet menu, as a person would. */
export async function useAccount(page: Page, name: string) {
  const button = page.getByTestId('wallet-button');
  await button.click();
  await page.getByRole('region', { name: 'Wallet' }).getByRole('radio', { name }).check();
  await page.keyboard.press('Escape');
  await expect(button).toContainText(name);
}

export interface EscrowSpec {
  kind?: 'Single' | 'Multi';
  title: string;
  /** The token's contract id (one of the network's known tokens). */
  token: string;
  amount?: string;
  milestones: { description: string; amount?: string; receiver?: string }[];
  approvers: string[];
  approvalsRequired?: number;
  serviceProvider: string;
  releaseSigners: string[];
  releasesRequired?: number;
  disputeResolver: string;
  receiver: string;
  platformFee: string;
  deadline?: string;
}

/** Fills the create form (the platform is the connected account, by "Use my address") and submits it. */
export async function createEscrow(page: Page, spec: EscrowSpec): Promise<string> {
  await page.goto('/escrows/new');
  if (spec.kind === 'Multi') await page.getByLabel(/Multi release/).check();
  await page.getByLabel('Title', { exact: true }).fill(spec.title);
  await page.getByLabel('Engagement ID').fill(`E2E-${Date.now()}`);
  await page.getByLabel('Token').selectOption(spec.token);
  if (spec.kind !== 'Multi') await page.getByLabel('Amount (USDC)').fill(spec.amount ?? '');
  for (let i = 0; i < spec.milestones.length; i++) {
    if (i > 0) await page.getByRole('button', { name: 'Add milestone' }).click();
    const m = spec.milestones[i]!;
    await page.getByLabel(`Milestone ${i + 1} description`).fill(m.description);
    if (spec.kind === 'Multi') {
      await page.getByLabel(`Milestone ${i + 1} amount (USDC)`).fill(m.amount ?? '');
      if (m.receiver) await page.getByLabel(`Milestone ${i + 1} receiver (optional)`, { exact: true }).fill(m.receiver);
    }
  }
  await page.getByRole('button', { name: 'Use my address for Platform' }).click();
  await page.getByLabel('Service provider', { exact: true }).fill(spec.serviceProvider);
  await page.getByLabel('Receiver', { exact: true }).fill(spec.receiver);
  await page.getByLabel('Dispute resolver', { exact: true }).fill(spec.disputeResolver);
  for (let i = 0; i < spec.approvers.length; i++) {
    if (i > 0) await page.getByRole('button', { name: 'Add approver' }).click();
    await page.getByLabel(`Approver ${i + 1}`, { exact: true }).fill(spec.approvers[i]!);
  }
  await page.getByLabel('Approvals required').fill(String(spec.approvalsRequired ?? 1));
  for (let i = 0; i < spec.releaseSigners.length; i++) {
    if (i > 0) await page.getByRole('button', { name: 'Add release signer' }).click();
    await page.getByLabel(`Release signer ${i + 1}`, { exact: true }).fill(spec.releaseSigners[i]!);
  }
  await page.getByLabel('Release signatures required').fill(String(spec.releasesRequired ?? 1));
  await page.getByLabel('Platform fee (%)').fill(spec.platformFee);
  if (spec.deadline) await page.getByLabel('Deadline (optional)').fill(spec.deadline);
  await page.getByRole('button', { name: 'Create the escrow' }).click();
  await page.waitForURL(/\/escrows\/C[A-Z2-7]{55}\?done=create/, { timeout: 60_000 });
  await expect(page.getByTestId('confirmed-banner')).toContainText('Escrow created');
  return /\/escrows\/(C[A-Z2-7]{55})/.exec(page.url())![1]!;
}

/** Opens a step from the escrow page's action panel (it must be offered to this account). */
export async function openStep(page: Page, escrowId: string, label: string) {
  await page.goto(`/escrows/${escrowId}`);
  await page.getByTestId('action-panel').getByRole('link', { name: label, exact: true }).click();
}

/** Submits the step's form and waits for the escrow page's confirmation banner. */
export async function submitStep(page: Page, button: string, banner: string) {
  await page.getByRole('button', { name: button }).click();
  await page.waitForURL(/\?done=/, { timeout: 60_000 });
  await expect(page.getByTestId('confirmed-banner')).toContainText(banner);
}

/**
 * The work-done half of a lifecycle: the `Provider` account marks milestone `n` and the
 * `Approver` account approves it (both names as seeded in the dev wallet).
 */
export async function markAndApprove(page: Page, escrowId: string, n = 1) {
  await useAccount(page, 'Provider');
  await openStep(page, escrowId, `Mark milestone ${n}`);
  await submitStep(page, `Mark milestone ${n}`, 'Milestone marked');
  await useAccount(page, 'Approver');
  await openStep(page, escrowId, `Approve milestone ${n}`);
  await submitStep(page, `Approve milestone ${n}`, 'Milestone approved');
}
