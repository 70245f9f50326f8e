/**
 * `npm run bench:e2e`: the wall time of the whole single-release lifecycle in the browser, and
 * the p50 latency of each prepare action (server action round trip, measured in the page).
 */
import { test } from './fixtures';
import { singleReleaseLifecycle } from './journeys';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);

test('bench: single-release lifecycle and prepare latency', async ({ page, cast, token }) => {
  test.setTimeout(RUNS * 120_000);
  await page.addInitScript(() => {
    (window as unknown as { __openescrowTimings: unknown }).__openescrowTimings = {
      push(x: unknown) {
        const all = JSON.parse(sessionStorage.getItem('oe-timings') ?? '[]') as unknown[];
        all.push(x);
        sessionStorage.setItem('oe-timings', JSON.stringify(all));
      },
    };
  });
  const walls: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    // A fresh cast each run (the dev wallet is seeded anew), Platform selected.
    const { platform, provider, approver, signer, receiver } = await cast({
      platform: {},
      funder: { usdc: '1000' },
      provider: {},
      approver: {},
      signer: {},
      receiver: {},
    });
    const started = Date.now();
    await singleReleaseLifecycle(page, { platform, provider, approver, signer, receiver }, token.contractId, {
      amount: '100',
      platformFee: '3',
      milestones: ['Sketches', 'Final files'],
    });
    walls.push(Date.now() - started);
  }
  const timings = JSON.parse(await page.evaluate(() => sessionStorage.getItem('oe-timings') ?? '[]')) as {
    step: string;
    phase: string;
    ms: number;
  }[];
  const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
  const lines = [`single-release lifecycle in the browser (create, fund, 2× mark, 2× approve, release), ${RUNS} runs:`];
  lines.push(
    `  wall time p50 ${(p50(walls) / 1000).toFixed(2)} s (runs: ${walls.map((w) => (w / 1000).toFixed(2)).join(', ')} s; aim < 15 s)`,
  );
  for (const phase of ['prepare', 'submit']) {
    const steps = [...new Set(timings.filter((t) => t.phase === phase).map((t) => t.step))];
    for (const step of steps) {
      const xs = timings.filter((t) => t.phase === phase && t.step === step).map((t) => t.ms);
      lines.push(
        `  ${phase} ${step.padEnd(8)} p50 ${p50(xs).toFixed(0).padStart(5)} ms  (n=${xs.length})${phase === 'prepare' ? ' aim < 150 ms' : ''}`,
      );
    }
  }
  console.log(lines.join('\n'));
});
