// Starting and stopping localnet binaries for the conformance suite.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, closeSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
export const LOCALNET_BIN = process.env.LOCALNET_BIN ?? join(REPO_ROOT, 'target/release/localnet');

export interface LocalnetInstance {
  proc: ChildProcess;
  port: number;
  baseUrl: string;
  rpcUrl: string;
  dataDir: string;
  logFile: string;
  /** Stops the process (SIGTERM by default) and waits for it to exit. */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** The tail of the process's stdout+stderr, for failure messages. */
  log(): string;
}

export function freshDataDir(prefix = 'localnet-conformance-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function freePort(): Promise<number> {
  return await new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      if (addr === null || typeof addr === 'string') return rej(new Error('no port'));
      const { port } = addr;
      srv.close(() => res(port));
    });
  });
}

export interface StartOptions {
  dataDir?: string;
  port?: number;
  extraArgs?: string[];
  /** how long to wait for GET /health to answer 200 */
  timeoutMs?: number;
}

export async function startLocalnet(opts: StartOptions = {}): Promise<LocalnetInstance> {
  if (!existsSync(LOCALNET_BIN)) {
    throw new Error(`localnet binary not found at ${LOCALNET_BIN}; build it first (cargo build --release -p localnet)`);
  }
  const dataDir = opts.dataDir ?? freshDataDir();
  const port = opts.port ?? (await freePort());
  const logFile = join(tmpdir(), `localnet-conformance-${port}-${Date.now()}.log`);
  const fd = openSync(logFile, 'a');
  const args = ['--host', '127.0.0.1', '--port', String(port), '--data-dir', dataDir, ...(opts.extraArgs ?? [])];
  const proc = spawn(LOCALNET_BIN, args, { stdio: ['ignore', fd, fd], cwd: REPO_ROOT });
  closeSync(fd);
  let exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  const exitPromise = new Promise<void>((res) =>
    proc.once('exit', (code, signal) => {
      exited = { code, signal };
      res();
    }),
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  const log = () => {
    try {
      return readFileSync(logFile, 'utf8').slice(-4000);
    } catch {
      return '';
    }
  };
  const deadline = Date.now() + (opts.timeoutMs ?? 20_000);
  for (;;) {
    if (exited) {
      throw new Error(
        `localnet exited during start-up (code ${exited.code}, signal ${exited.signal}); args ${args.join(' ')}\n${log()}`,
      );
    }
    try {
      const r = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(1000) });
      if (r.status === 200) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) {
      proc.kill('SIGKILL');
      throw new Error(`localnet did not answer GET /health within the time limit\n${log()}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    proc,
    port,
    baseUrl,
    rpcUrl: `${baseUrl}/rpc`,
    dataDir,
    logFile,
    log,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (exited) return;
      proc.kill(signal);
      const t = setTimeout(() => {
        if (!exited) proc.kill('SIGKILL');
      }, 10_000);
      await exitPromise;
      clearTimeout(t);
    },
  };
}
