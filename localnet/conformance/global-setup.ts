import type { TestProject } from 'vitest/node';
import { startLocalnet, type LocalnetInstance } from './localnet-process.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    rpcUrl: string;
    dataDir: string;
  }
}

let instance: LocalnetInstance | undefined;

export default async function setup(project: TestProject) {
  instance = await startLocalnet();
  project.provide('baseUrl', instance.baseUrl);
  project.provide('rpcUrl', instance.rpcUrl);
  project.provide('dataDir', instance.dataDir);
  return async () => {
    if (!instance) return;
    const alive = instance.proc.exitCode === null && instance.proc.signalCode === null;
    await instance.stop('SIGTERM');
    if (!alive) {
      // The node died during the run: make that visible.
      console.error(`localnet exited during the test run:\n${instance.log()}`);
    }
  };
}
