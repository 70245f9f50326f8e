import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { seedWallet } from './app';
import { readyAccount, usdc } from './chain';
import { E2E } from './env';
import { singleReleaseLifecycle } from './journeys';

interface Received {
  id: string;
  body: string;
  headers: IncomingHttpHeaders;
}

/** A platform's webhook receiver on 127.0.0.1: records every request and answers 204. */
class Receiver {
  got: Received[] = [];
  private server: Server | null = null;
  port = 0;

  async start(port = 0) {
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        this.got.push({ id: String(req.headers['webhook-id']), body, headers: req.headers });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  async stop() {
    const server = this.server!;
    this.server = null;
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }

  get url() {
    return `http://127.0.0.1:${this.port}/hooks/escrow`;
  }
}

/** The WCAG 2.1 AA rules that e2e 6 audits the main pages with. */
async function audit(page: Page, where: string) {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(violations.map((v) => `${where}: ${v.id} ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
}

const api = (path: string, key: string) =>
  fetch(`${E2E.appUrl}/api/v1${path}`, { headers: { authorization: `Bearer ${key}` } });

test('22. a platform subscribes to webhooks and gets every event of a lifecycle once, signed, also after its receiver was down', async ({
  page,
}) => {
  // The lifecycle in the browser, and then the retries of the time the receiver was down.
  test.setTimeout(300_000);
  const receiver = new Receiver();
  await receiver.start();
  const token = await usdc();
  const [platform, funder, provider, approver, signer, payee] = await Promise.all([
    readyAccount(),
    readyAccount({ usdc: '1000' }),
    readyAccount(),
    readyAccount(),
    readyAccount(),
    readyAccount(),
  ]);
  await seedWallet(
    page,
    { Platform: platform, Funder: funder, Provider: provider, Approver: approver, Signer: signer, Receiver: payee },
    'Platform',
  );

  // Sign in, create a key with the webhooks scope, then a subscription in /settings/webhooks.
  await page.goto('/settings/api-keys');
  await page.getByRole('button', { name: 'Sign in with your wallet' }).click();
  await expect(page.getByTestId('signed-in-address')).toHaveText(platform.publicKey());
  await page.getByLabel('Name').fill('webhook server');
  await page.getByRole('checkbox', { name: 'webhooks' }).check();
  await page.getByRole('button', { name: 'Create key' }).click();
  const key = (await page.getByTestId('new-api-key').textContent())!.trim();

  // The settings pages link to each other and to the reference, each with one <main>.
  const settingsNav = page.getByRole('navigation', { name: 'Settings' });
  await expect(settingsNav.getByRole('link', { name: 'API keys' })).toHaveAttribute('aria-current', 'page');
  await expect(settingsNav.getByRole('link', { name: 'API reference' })).toHaveAttribute('href', '/docs/api');
  await settingsNav.getByRole('link', { name: 'Webhooks' }).click();
  await expect(page).toHaveURL(/\/settings\/webhooks$/);
  await expect(settingsNav.getByRole('link', { name: 'Webhooks' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('main')).toHaveCount(1);
  await audit(page, 'webhooks');
  await page.getByLabel('URL').fill('http://10.0.0.5/hook');
  await page.getByRole('button', { name: 'Create subscription' }).click();
  await expect(page.getByTestId('webhook-error')).toContainText('https');
  await page.getByLabel('URL').fill(receiver.url);
  await page.getByRole('button', { name: 'Create subscription' }).click();
  const secret = (await page.getByTestId('new-webhook-secret').textContent())!.trim();
  expect(secret).toMatch(/^whsec_/);
  await expect(page.getByTestId('subscription')).toContainText(receiver.url);
  const subs = (await (await api('/webhooks', key)).json()) as { data: { id: string; url: string }[] };
  expect(subs.data.map((s) => s.url)).toEqual([receiver.url]);

  // The lifecycle in the app; the platform is its dispute resolver, so "all its escrows" covers it.
  // The receiver goes down after the create has arrived and comes back after the release.
  const id = await singleReleaseLifecycle(
    page,
    { platform, provider, approver, signer, receiver: payee },
    token.contractId,
    {
      amount: '100',
      platformFee: '1',
      milestones: ['Design'],
      beforeFund: async () => {
        await expect.poll(() => receiver.got.length, { timeout: 30_000 }).toBe(1);
        await receiver.stop();
      },
    },
  );
  // Back up on the same port: the deliveries of the steps taken while it was down arrive by retry.
  await receiver.start(receiver.port);

  const types = ['escrow.created', 'escrow.funded', 'escrow.status', 'escrow.approved', 'escrow.released'];
  await expect.poll(() => receiver.got.length, { timeout: 90_000 }).toBeGreaterThanOrEqual(types.length);
  // Exactly once each (the retries of the down period are the only attempts that reached it).
  const verifier = new Webhook(secret);
  const bodies = receiver.got.map((g) => {
    const body = verifier.verify(g.body, g.headers as Record<string, string>) as {
      type: string;
      data: { event_id: string; escrow_id: string };
    };
    expect(body.data.event_id).toBe(g.id);
    expect(body.data.escrow_id).toBe(id);
    return body;
  });
  expect(new Set(receiver.got.map((g) => g.id)).size).toBe(receiver.got.length);
  expect(bodies.map((b) => b.type).sort()).toEqual([...types].sort());
  expect(() =>
    new Webhook(secret).verify(receiver.got[0]!.body + ' ', receiver.got[0]!.headers as Record<string, string>),
  ).toThrow();

  // The delivery log says the funded one needed retries; it shows in settings too, with "send again".
  type Attempt = { number: number; status_code: number | null; error: string | null };
  type Log = {
    data: { event_type: string; status: string; attempts: number; last_status_code: number; attempt_log: Attempt[] }[];
  };
  const log = async () => ((await (await api(`/webhooks/${subs.data[0]!.id}/deliveries`, key)).json()) as Log).data;
  // The worker records an attempt just after the receiver has answered it.
  await expect
    .poll(async () => (await log()).filter((d) => d.status === 'delivered' && d.last_status_code === 204).length)
    .toBe(types.length);
  const logged = await log();
  const funded = logged.find((d) => d.event_type === 'escrow.funded')!;
  expect(funded.attempts).toBeGreaterThan(1);
  // One logged attempt each, newest first: the 204, then the ones the stopped receiver refused.
  expect(funded.attempt_log[0]).toMatchObject({ number: funded.attempts, status_code: 204, error: null });
  expect(funded.attempt_log.length).toBe(Math.min(funded.attempts, 10));
  for (const a of funded.attempt_log.slice(1))
    expect(a).toMatchObject({ status_code: null, error: expect.any(String) });
  expect(logged.find((d) => d.event_type === 'escrow.created')!.attempts).toBe(1);

  await page.goto('/settings/webhooks');
  await page.getByRole('button', { name: 'Deliveries' }).click();
  await expect(page.getByTestId('delivery')).toHaveCount(types.length);
  const fundedRow = page.getByTestId('delivery').filter({ hasText: 'escrow.funded' });
  await fundedRow.getByTestId('attempt-log').locator('summary').click();
  await expect(fundedRow.getByTestId('attempt')).toHaveCount(funded.attempt_log.length);
  await expect(fundedRow.getByTestId('attempt').first()).toContainText(`#${funded.attempts}`);
  await expect(fundedRow.getByTestId('attempt').first()).toContainText('204');
  await audit(page, 'delivery log');
  const created = page.getByTestId('delivery').filter({ hasText: 'escrow.created' });
  await created.getByRole('button', { name: 'Send again' }).click();
  await expect.poll(() => receiver.got.length, { timeout: 30_000 }).toBe(types.length + 1);
  expect(receiver.got.at(-1)!.id).toBe(receiver.got[0]!.id);

  await receiver.stop();
});
