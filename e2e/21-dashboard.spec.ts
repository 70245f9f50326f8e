import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { config as escrowConfig } from '../lib/testing/fixtures';
import { createEscrow, openStep, seedWallet, submitStep, useAccount } from './app';
import { protocolFeeRecipient, readyAccount, usdc, usdcUnits } from './chain';
import { deployEscrow, releasedWasmHash } from './contracts';

async function audit(page: Page, where: string) {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(violations.map((v) => `${where}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
}

/** RFC 4180 CSV (quoted fields, doubled quotes, CRLF) into rows of named fields. */
function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (quoted || (c !== ',' && c !== '\r' && c !== '\n')) field += c;
    else if (c === ',') endField();
    else if (c === '\n') {
      endField();
      rows.push(row);
      row = [];
    }
  }
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}

/** Clicks the dashboard's CSV link and reads the file the browser saved. */
async function downloadCsv(page: Page): Promise<Record<string, string>[]> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: /Download CSV/ }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^escrows-G.{7}-\d{4}-\d{2}-\d{2}\.csv$/);
  return parseCsv(readFileSync((await download.path())!, 'utf8'));
}

const rowIds = (page: Page) => page.getByTestId('escrow-row').evaluateAll((rows) => rows.map((r) => r.dataset.id));

test('21. an approver’s dashboard lists an escrow made in the app and one deployed by a script, needs-your-action on the right one; filter, search, CSV', async ({
  page,
  browser,
}) => {
  const token = await usdc();
  const [platform, scripter, approver, provider, funder, other] = await Promise.all([
    readyAccount(),
    readyAccount(),
    readyAccount(),
    readyAccount(),
    readyAccount({ usdc: '100' }),
    readyAccount(),
  ]);
  await seedWallet(
    page,
    { Platform: platform, Provider: provider, Approver: approver, Funder: funder, Signer: other },
    'Platform',
  );
  const stamp = Date.now();

  // One escrow through the app's create form (the platform is the connected account)…
  const appTitle = `Dashboard app ${stamp}`;
  const viaApp = await createEscrow(page, {
    title: appTitle,
    token: token.contractId,
    amount: '40',
    milestones: [{ description: 'Draft' }],
    approvers: [approver.publicKey()],
    serviceProvider: provider.publicKey(),
    releaseSigners: [other.publicKey()],
    disputeResolver: other.publicKey(),
    receiver: provider.publicKey(),
    platformFee: '1',
  });

  // …and one by another account, straight to the chain with the SDK (no app involved).
  const engagement = `SCRIPT-${stamp}`;
  const terms = escrowConfig({
    token: token.contractId,
    title: `Dashboard script ${stamp}`,
    engagementId: engagement,
    amount: usdcUnits('25'),
    milestones: [{ description: 'Only', amount: 0n, receiver: null }],
  });
  const viaScript = await deployEscrow(scripter, releasedWasmHash(), {
    ...terms,
    roles: {
      ...terms.roles,
      platform: scripter.publicKey(),
      approvers: [approver.publicKey()],
      serviceProvider: provider.publicKey(),
    },
    protocolFee: { recipient: protocolFeeRecipient(), bps: 30 },
  });

  // The script's escrow is funded in full (in progress); the app's milestone is marked (it waits on the approver).
  await useAccount(page, 'Funder');
  await openStep(page, viaScript, 'Fund');
  await expect(page.getByLabel('Amount (USDC)')).toHaveValue('25');
  await submitStep(page, 'Fund the escrow', 'Funded');
  await useAccount(page, 'Provider');
  await openStep(page, viaApp, 'Mark milestone 1');
  await page.getByLabel('Status').fill('Delivered');
  await submitStep(page, 'Mark milestone 1', 'Milestone marked');

  // The approver's home page: both escrows, one waiting on them.
  await useAccount(page, 'Approver');
  await page.goto('/');
  await expect(page.getByTestId('your-escrows-count')).toHaveText('2 escrows; 1 needs your action.');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My escrows' }).click();
  await page.waitForURL(`/escrows?address=${approver.publicKey()}`);

  await expect(page.getByTestId('escrow-row')).toHaveCount(2);
  await expect.poll(() => rowIds(page)).toEqual([viaScript, viaApp]); // newest first
  const needs = page.getByTestId('needs-action-item');
  await expect(needs).toHaveCount(1);
  await expect(needs).toHaveAttribute('data-id', viaApp);
  await expect(needs.getByRole('link', { name: 'Approve milestone 1' })).toBeVisible();
  await expect(page.locator(`[data-testid=escrow-row][data-id=${viaApp}]`).getByTestId('needs-badge')).toHaveText(
    'Needs your action: Approve milestone 1',
  );
  await expect(page.locator(`[data-testid=escrow-row][data-id=${viaScript}]`).getByTestId('needs-badge')).toHaveCount(
    0,
  );
  // Totals from SQL: only the script's escrow holds money.
  await expect(page.getByTestId('totals').getByTestId('total-locked')).toHaveText('25 USDC');
  await audit(page, 'dashboard');
  for (const colorScheme of ['dark', 'light'] as const) {
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme });
    const phone = await ctx.newPage();
    await phone.goto(page.url());
    await expect(phone.getByTestId('escrow-row')).toHaveCount(2);
    await audit(phone, `dashboard, phone, ${colorScheme}`);
    await ctx.close();
  }

  // The whole list as CSV, compared row by row.
  const all = await downloadCsv(page);
  expect(all.map((r) => r.contract_id)).toEqual([viaScript, viaApp]);
  expect(all[0]).toMatchObject({
    title: `Dashboard script ${stamp}`,
    engagement_id: engagement,
    kind: 'single',
    status: 'in_progress',
    token: token.contractId,
    amount: String(usdcUnits('25')),
    funded: String(usdcUnits('25')),
    locked: String(usdcUnits('25')),
    your_roles: 'approver',
  });
  expect(all[1]).toMatchObject({
    title: appTitle,
    kind: 'single',
    status: 'funding',
    amount: String(usdcUnits('40')),
    funded: '0',
    your_roles: 'approver',
  });

  // A filter: in progress only.
  const filters = page.getByRole('search', { name: 'Filter your escrows' });
  const status = filters.getByRole('group', { name: /^Status/ });
  await status.getByLabel('In progress').check();
  await filters.getByRole('button', { name: 'Apply filters' }).click();
  await page.waitForURL(/status=in_progress/);
  await expect.poll(() => rowIds(page)).toEqual([viaScript]);
  await expect(page.getByTestId('needs-action-item')).toHaveCount(0);
  expect((await downloadCsv(page)).map((r) => r.contract_id)).toEqual([viaScript]);

  // Several statuses at once, picked with the keyboard only: Space ticks, Tab moves on, Enter in the search sends.
  await expect(status.getByLabel('In progress')).toBeChecked();
  await status.getByLabel('Funding', { exact: true }).focus();
  await page.keyboard.press('Space');
  await expect(status.getByLabel('Funding', { exact: true })).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(status.getByLabel('In progress')).toBeFocused();
  await filters.getByLabel('Search title or engagement id').focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(/status=funding%2Cin_progress|status=funding,in_progress/);
  await expect.poll(() => rowIds(page)).toEqual([viaScript, viaApp]);
  await expect(status.getByRole('checkbox', { checked: true })).toHaveCount(2);
  expect((await downloadCsv(page)).map((r) => r.contract_id)).toEqual([viaScript, viaApp]);

  // A search by title, then by engagement id.
  await page.getByRole('link', { name: 'Clear filters' }).click();
  await page.waitForURL(`/escrows?address=${approver.publicKey()}`);
  await expect(page.getByTestId('escrow-row')).toHaveCount(2);
  await expect(status.getByRole('checkbox', { checked: true })).toHaveCount(0);
  await filters.getByLabel('Search title or engagement id').fill('dashboard APP');
  await filters.getByRole('button', { name: 'Apply filters' }).click();
  await page.waitForURL(/q=dashboard/);
  await expect.poll(() => rowIds(page)).toEqual([viaApp]);
  expect((await downloadCsv(page)).map((r) => r.title)).toEqual([appTitle]);
  await filters.getByLabel('Search title or engagement id').fill(engagement);
  await filters.getByRole('button', { name: 'Apply filters' }).click();
  await page.waitForURL(/q=SCRIPT/);
  await expect.poll(() => rowIds(page)).toEqual([viaScript]);

  // A filter that matches nothing says what to do.
  await filters.getByRole('group', { name: /^Kind/ }).getByLabel('Multi release').check();
  await filters.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page.getByTestId('dashboard-empty')).toContainText('No escrow matches these filters');

  // Bad values in the URL get sentences, on the page and from the CSV route, never a 500.
  await page.goto(`/escrows?address=${approver.publicKey()}&status=done&from=yesterday`);
  const problem = page.getByTestId('dashboard-problem');
  await expect(problem).toContainText('Status: Unknown status “done”');
  await expect(problem).toContainText('Created from: A date like 2026-12-01');
  await audit(page, 'dashboard with a bad link');
  const bad = await page.request.get(`/escrows/export?address=${approver.publicKey()}&sort=title`);
  expect(bad.status()).toBe(400);
  expect(await bad.text()).toContain('Sort by: Sort by created or amount');

  // Acting on it from the dashboard clears it.
  await page.goto(`/escrows?address=${approver.publicKey()}`);
  await page.getByTestId('needs-action-item').getByRole('link', { name: 'Approve milestone 1' }).click();
  await submitStep(page, 'Approve milestone 1', 'Milestone approved');
  await page.goto(`/escrows?address=${approver.publicKey()}`);
  await expect(page.getByTestId('needs-action')).toContainText('Nothing waits on you');

  // Once the app's escrow is funded and released, its platform sees the fee in its monthly income.
  await useAccount(page, 'Funder');
  await openStep(page, viaApp, 'Fund');
  await expect(page.getByLabel('Amount (USDC)')).toHaveValue('40');
  await submitStep(page, 'Fund the escrow', 'Funded');
  await useAccount(page, 'Signer');
  await openStep(page, viaApp, 'Release funds');
  await submitStep(page, 'Release the funds', 'Released');
  // The approver's dashboard seen with the platform's wallet says so, and leads to the platform's own.
  await useAccount(page, 'Platform');
  await page.goto(`/escrows?address=${approver.publicKey()}`);
  await page.getByTestId('wallet-notice').getByRole('link', { name: 'Show my escrows' }).click();
  await page.waitForURL(`/escrows?address=${platform.publicKey()}`);
  await expect(page.getByTestId('wallet-notice')).toHaveCount(0);
  const income = page.getByTestId('fee-income').locator('tbody tr');
  await expect(income).toHaveCount(1);
  await expect(income.locator('th')).toHaveText(/^\d{4}-\d{2}$/);
  await expect(income.locator('td').nth(0)).toHaveText('0.4 USDC'); // 1 % of 40
  await expect(income.locator('td').nth(1)).toHaveText('1');
  await audit(page, 'dashboard of a platform');

  // Without an address, a connected wallet is taken to its own dashboard.
  await page.goto('/escrows');
  await page.waitForURL(`/escrows?address=${platform.publicKey()}`);
});

test('21b. an address in more escrows than a page holds pages through them, forward and back', async ({ page }) => {
  const token = await usdc();
  // 24 escrows (a page holds 20), deployed straight to the chain: four scripts of six, side by side.
  const [who, ...scripters] = await Promise.all([readyAccount(), ...Array.from({ length: 4 }, () => readyAccount())]);
  const wasm = releasedWasmHash();
  const terms = escrowConfig({ token: token.contractId, amount: usdcUnits('1') });
  const deployed = await Promise.all(
    scripters.map(async (s) => {
      const ids: string[] = [];
      for (let i = 0; i < 6; i++)
        ids.push(
          await deployEscrow(s, wasm, {
            ...terms,
            roles: { ...terms.roles, platform: s.publicKey(), approvers: [who.publicKey()] },
            protocolFee: { recipient: protocolFeeRecipient(), bps: 30 },
          }),
        );
      return ids;
    }),
  );
  const all = deployed.flat();

  const rows = page.getByTestId('escrow-row');
  // The read model follows the chain a moment behind: wait until the CSV (every page) has all 24.
  await expect
    .poll(
      async () => parseCsv(await (await page.request.get(`/escrows/export?address=${who.publicKey()}`)).text()).length,
      {
        timeout: 30_000,
      },
    )
    .toBe(24);
  await page.goto(`/escrows?address=${who.publicKey()}`);
  await expect(rows).toHaveCount(20);
  const first = await rowIds(page);
  await expect(page.getByRole('link', { name: 'Previous page' })).toHaveCount(0);

  await page.getByRole('link', { name: 'Next page' }).click();
  await page.waitForURL(/after=/);
  await expect(rows).toHaveCount(4);
  const second = await rowIds(page);
  expect([...first, ...second].sort()).toEqual([...all].sort());
  await expect(page.getByRole('link', { name: 'Next page' })).toHaveCount(0);

  await page.getByRole('link', { name: 'Previous page' }).click();
  await page.waitForURL(/before=/);
  await expect.poll(() => rowIds(page)).toEqual(first);
});
