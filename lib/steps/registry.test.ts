/**
 * The registry against the contract and the app: every state-changing entry point of the
 * committed wasm is a step (or listed below as not one), every step calls a function the wasm
 * has, and every step has its server action and its page.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { contract } from '@stellar/stellar-sdk';
import { describe, expect, it } from 'vitest';
import * as steps from './index';
import { STEPS } from './registry';

const root = new URL('../../', import.meta.url);
const spec = contract.Spec.fromWasm(readFileSync(new URL('contracts/escrow/dist/escrow.wasm', root)));
// The SDK's spec entries are XDR values whose `name` is a method in one build and a field in another.
const nameOf = (f: unknown) => {
  const n = (f as { name: unknown }).name;
  return String(typeof n === 'function' ? n.call(f) : n);
};
const functions = spec.funcs().map(nameOf);

/** Entry points that are not lifecycle steps of an existing escrow, and why. */
const NOT_STEPS: Record<string, string> = {
  __constructor: 'creating an escrow: its own action (create-escrow.ts) and page (/escrows/new)',
  extend_ttl: 'keeps the escrow’s state alive; no person’s step',
  get_escrow: 'read-only',
  get_funding: 'read-only',
};

/** The exported name of each definition (`approveMilestone`), as actions and pages import it. */
const exportName = new Map<unknown, string>(Object.entries(steps).flatMap(([name, value]) => (STEPS.includes(value as never) ? [[value, name] as const] : [])));

describe('the step registry', () => {
  it('has one step per state-changing entry point of the contract', () => {
    const covered = new Set(STEPS.map((s) => s.contractFn));
    expect(functions.filter((f) => !covered.has(f) && !(f in NOT_STEPS))).toEqual([]);
  });

  it('calls only functions the contract has', () => {
    expect(STEPS.map((s) => s.contractFn).filter((f) => !functions.includes(f))).toEqual([]);
  });

  it('names each step once and exports each definition', () => {
    expect(new Set(STEPS.map((s) => s.name)).size).toBe(STEPS.length);
    expect(STEPS.filter((s) => !exportName.has(s))).toEqual([]);
  });

  it('gives each step a server action and a page that use its definition', () => {
    const actions = readdirSync(new URL('lib/actions/', root)).map((f) => readFileSync(new URL(`lib/actions/${f}`, root), 'utf8'));
    for (const def of STEPS) {
      const name = exportName.get(def)!;
      expect(actions.some((a) => a.startsWith("'use server'") && a.includes(`stepAction(${name}, req)`)), `action for ${def.name}`).toBe(true);
      const page = new URL(`app/escrows/[id]/${def.perMilestone ? 'milestones/[index]/' : ''}${def.path}/page.tsx`, root);
      expect(existsSync(page), `page for ${def.name}`).toBe(true);
      expect(readFileSync(page, 'utf8'), `page of ${def.name} uses its definition`).toContain(`step={${name}}`);
    }
  });
});
