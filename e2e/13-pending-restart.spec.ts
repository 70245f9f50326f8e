import { expect, test, type Browser } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createEscrow, markAndApprove, openStep, seedWallet, submitStep, useAccount, type Accounts } from './app';
import { readyAccount, tokenBalance, usdc, usdcUnits } from './chain';
import { E2E } from './env';

/**
 * A pending release survives a restart of the app: this spec runs its own `next start` (the
 * build the suite's server made) on a free port with its own embedded database, stops it after
 * the first signature and starts it again on the same database. The second signer then finds
 * the step as it was, from the database (a new process has no memory of it), signs, submits.
 */

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** The app as e2e/start-app.sh serves it, on `port`, with its PGlite data in `dataDir`. */
async function startApp(port: number, dataDir: string): Promise<ChildProcess> {
  const child = spawn('node_modules/.bin/next', ['start', '--hostname', '127.0.0.1', '--port', String(port)], {
    env: {
      ...process.env,
      OPENESCROW_NETWORK: 'local',
      NEXT_TELEMETRY_DISABLED: '1',
      OPENESCROW_RATE_LIMIT: '100000',
      OPENESCROW_LOCALNET_URL: E2E.localnetUrl,
      OPENESCROW_RPC_URL: `${E2E.localnetUrl}/rpc?apikey=${E2E.rpcSecret}`,
      OPENESCROW_DEPLOYMENT_FILE: path.join(process.env.E2E_DATA_DIR ?? '.cache/e2e-chain', 'deployment.json'),
      OPENESCROW_PGLITE_DIR: dataDir,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/`)).ok) return child;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('the app did not answer within 60 s');
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function stopApp(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

/** A browser of its own against `baseURL`, with the dev wallet holding `accounts`. */
async function browserOf(browser: Browser, baseURL: string, accounts: Accounts, active: string) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await seedWallet(page, accounts, active);
  return { context, page };
}

test('13. a pending 2-of-2 release survives an app restart and completes', async ({ browser }) => {
  test.setTimeout(300_000); // a whole lifecycle plus two starts of the app
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'openescrow-e2e13-'));
  let app = await startApp(port, dataDir);
  try {
    const token = await usdc();
    const [platform, funder, provider, approver, alice, lawyer, receiver] = await Promise.all([
      readyAccount(),
      readyAccount({ usdc: '50' }),
      readyAccount(),
      readyAccount(),
      readyAccount(),
      readyAccount(),
      readyAccount(),
    ]);
    const { context: aliceContext, page } = await browserOf(
      browser,
      baseURL,
      { Platform: platform, Funder: funder, Provider: provider, Approver: approver, Alice: alice },
      'Platform',
    );
    const id = await createEscrow(page, {
      title: 'Release across a restart',
      token: token.contractId,
      amount: '50',
      milestones: [{ description: 'BTC sent' }],
      approvers: [approver.publicKey()],
      serviceProvider: provider.publicKey(),
      releaseSigners: [alice.publicKey(), lawyer.publicKey()],
      releasesRequired: 2,
      disputeResolver: platform.publicKey(),
      receiver: receiver.publicKey(),
      platformFee: '0',
    });
    await useAccount(page, 'Funder');
    await openStep(page, id, 'Fund');
    await submitStep(page, 'Fund the escrow', 'Funded');
    await markAndApprove(page, id);

    await useAccount(page, 'Alice');
    await openStep(page, id, 'Release funds');
    await page.getByRole('button', { name: 'Start and collect signatures' }).click();
    await page.waitForURL(/\/pending\/[0-9a-f]{24}$/);
    const pendingPath = new URL(page.url()).pathname;
    await page.getByRole('button', { name: 'Sign my authorisation' }).click();
    await expect(page.getByTestId('pending-signers')).toContainText(`${alice.publicKey()}signed`);
    await aliceContext.close();

    // The restart: a new process on the same database.
    await stopApp(app);
    app = await startApp(port, dataDir);

    const { context: lawyerContext, page: lawyerPage } = await browserOf(
      browser,
      baseURL,
      { Lawyer: lawyer },
      'Lawyer',
    );
    await lawyerPage.goto(pendingPath);
    await expect(lawyerPage.getByText('Release 50 USDC from escrow')).toBeVisible();
    const signers = lawyerPage.getByTestId('pending-signers');
    await expect(signers).toContainText(`${alice.publicKey()}signed`);
    await expect(signers).toContainText(`${lawyer.publicKey()}waiting`);
    await lawyerPage.getByRole('button', { name: 'Sign my authorisation' }).click();
    await expect(signers).toContainText(`${lawyer.publicKey()}signed`);
    await submitStep(lawyerPage, 'Submit the release', 'Released');
    await lawyerContext.close();
    expect(await tokenBalance(token.contractId, receiver.publicKey())).toBe(
      usdcUnits('50') - (usdcUnits('50') * 30n) / 10_000n,
    );
  } finally {
    await stopApp(app);
    rmSync(dataDir, { recursive: true, force: true });
  }
});
