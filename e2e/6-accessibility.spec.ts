import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { createEscrow, useAccount } from './app';
import { expect, test } from './fixtures';

async function audit(page: Page, where: string) {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(violations.map((v) => `${where}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
}

test('6. the main pages pass an accessibility audit (WCAG 2.1 AA), light and dark, desktop and phone', async ({
  page,
  browser,
  cast,
  token,
}) => {
  const { other } = await cast({ platform: {}, funder: { usdc: '10' }, other: { outside: true } });
  await audit(page, 'home');
  await page.goto('/escrows/new');
  await audit(page, 'new');
  // The form's errors, linked to their fields.
  await page.getByRole('button', { name: 'Create the escrow' }).click();
  await expect(page.getByLabel('Title', { exact: true })).toHaveAccessibleDescription('Title is required');
  await audit(page, 'new with errors');
  const id = await createEscrow(page, {
    title: 'Audit',
    token: token.contractId,
    amount: '10',
    milestones: [{ description: 'One' }],
    approvers: [other.publicKey()],
    serviceProvider: other.publicKey(),
    releaseSigners: [other.publicKey()],
    disputeResolver: other.publicKey(),
    receiver: other.publicKey(),
    platformFee: '1',
  });
  await audit(page, 'escrow');
  await useAccount(page, 'Funder');
  await page.goto(`/escrows/${id}/fund`);
  await expect(page.getByTestId('account-helper')).toBeVisible();
  await audit(page, 'fund');
  await page.getByTestId('wallet-button').click();
  await audit(page, 'wallet menu');

  for (const colorScheme of ['dark', 'light'] as const) {
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme });
    const phone = await ctx.newPage();
    await phone.goto(`/escrows/${id}`);
    await audit(phone, `escrow, phone, ${colorScheme}`);
    await phone.goto('/escrows/new');
    await audit(phone, `new, phone, ${colorScheme}`);
    await ctx.close();
  }
});
