import type { Page } from '@playwright/test';
import type { Keypair } from '@stellar/stellar-sdk';
import { partiesToName, roleFields, templateValues } from '../lib/templates/apply';
import { findTemplate, TEMPLATE_IDS, type Party } from '../lib/templates/templates';
import { escrowState } from './chain';
import { expect, test, type AccountSpec } from './fixtures';

interface OnChainRoles {
  approvers: string[];
  approvals_required: number;
  service_provider: string;
  release_signers: string[];
  releases_required: number;
  dispute_resolver: string;
  platform: string;
  receiver: string;
}

/** Fills in what the template leaves to the person (other parties, engagement id, amounts) and creates it. */
async function createFromTemplate(page: Page, id: string, others: Record<string, Keypair>, me: string) {
  const t = findTemplate(id);
  // What the template filled in: your roles with the connected wallet, its thresholds, its deadline.
  for (const f of roleFields(t).filter((x) => x.party === 'you'))
    await expect(page.getByLabel(f.label, { exact: true })).toHaveValue(me);
  await expect(page.getByLabel('Approvals required')).toHaveValue(String(t.approvalsRequired));
  await expect(page.getByLabel('Release signatures required')).toHaveValue(String(t.releasesRequired));
  await expect(page.getByLabel('Platform fee (%)')).toHaveValue(t.platformFeePercent);
  if (t.deadlineDays !== null) await expect(page.getByLabel('Deadline (optional)')).not.toHaveValue('');
  await expect(page.getByLabel(t.kind === 'Single' ? /Single release/ : /Multi release/)).toBeChecked();

  for (const { party, labels } of partiesToName(t))
    for (const label of labels) await page.getByLabel(label, { exact: true }).fill(others[party]!.publicKey());
  if (id === 'blank') {
    await page.getByLabel('Title', { exact: true }).fill('Blank escrow');
    await page.getByLabel('Milestone 1 description').fill('Done');
    for (const label of [
      'Platform',
      'Service provider',
      'Receiver',
      'Dispute resolver',
      'Approver 1',
      'Release signer 1',
    ])
      await page.getByLabel(label, { exact: true }).fill(label === 'Platform' ? me : others.blank!.publicKey());
  }
  await page.getByLabel('Engagement ID').fill(`TPL-${id}-${Date.now()}`);
  if (t.kind === 'Single') await page.getByLabel('Amount (USDC)').fill('100');
  else
    for (let i = 0; i < t.milestones.length; i++) await page.getByLabel(`Milestone ${i + 1} amount (USDC)`).fill('10');
  const started = Date.now();
  await page.getByRole('button', { name: 'Create the escrow' }).click();
  await page.waitForURL(/\/escrows\/C[A-Z2-7]{55}\?done=create/, { timeout: 60_000 });
  await expect(page.getByTestId('confirmed-banner')).toContainText('Escrow created');
  const escrowId = /\/escrows\/(C[A-Z2-7]{55})/.exec(page.url())![1]!;

  // On-chain: exactly the template's roles with the addresses given, and its deadline.
  const config = (await escrowState(escrowId)).config as {
    roles: OnChainRoles;
    deadline?: bigint | null;
    platform_fee_bps: number;
    kind: string[];
  };
  const addresses: Partial<Record<Party, string>> = {
    you: me,
    ...Object.fromEntries(Object.entries(others).map(([p, k]) => [p, k.publicKey()])),
  };
  const want = templateValues(t, { token: '', addresses });
  if (id !== 'blank') {
    expect(config.roles).toEqual({
      approvers: want.approvers.map((a) => a.address),
      approvals_required: t.approvalsRequired,
      service_provider: want.serviceProvider,
      release_signers: want.releaseSigners.map((a) => a.address),
      releases_required: t.releasesRequired,
      dispute_resolver: want.disputeResolver,
      platform: me,
      receiver: want.receiver,
    });
  }
  expect(config.kind).toEqual([t.kind]);
  if (t.deadlineDays === null) expect(config.deadline ?? null).toBeNull();
  else expect(Math.abs(Number(config.deadline) - (started / 1000 + t.deadlineDays * 86_400))).toBeLessThan(600);
  return escrowId;
}

test('9. every use-case template creates a working escrow, its roles and deadline as the template says', async ({
  page,
  cast,
}) => {
  const parties = new Set(TEMPLATE_IDS.flatMap((id) => partiesToName(findTemplate(id)).map((p) => p.party as string)));
  // Only the creator is in the wallet; every other party ("the seller", …) is an address to type in.
  const outside: Record<string, AccountSpec> = Object.fromEntries(
    ['blank', ...parties].map((p) => [p, { outside: true }]),
  );
  const { Creator: me, ...others } = await cast({ Creator: {}, ...outside });

  // The page opens with the choice; picking one explains who does what and fills the form.
  await page.goto('/escrows/new');
  await expect(page.getByRole('link', { name: /^Blank/ })).toHaveAttribute('aria-current', 'true');
  await page.getByRole('link', { name: /^P2P \/ OTC trade/ }).click();
  await expect(page).toHaveURL(/\?template=p2p$/);
  await expect(page.getByTestId('template-explainer')).toContainText(
    'both release signers sign: you and your lawyer or agent',
  );
  await expect(page.getByLabel('Release signer 2', { exact: true })).toHaveValue('');
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue('OTC trade');
  // Every field stays editable: a changed title is what gets created.
  await page.getByLabel('Title', { exact: true }).fill('OTC trade, edited');
  await createFromTemplate(page, 'p2p', others, me.publicKey());
  await expect(page.getByTestId('escrow-title')).toHaveText('OTC trade, edited');

  // The others by direct link, as a platform would send its users.
  for (const id of TEMPLATE_IDS.filter((x) => x !== 'p2p')) {
    await page.goto(`/escrows/new?template=${id}`);
    await expect(page.getByTestId('template-explainer')).toContainText(findTemplate(id).name);
    await createFromTemplate(page, id, others, me.publicKey());
  }
});
