import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import deployments from './deployments.json';
import { parseNetworkConfig } from './config';

const root = path.resolve(__dirname, '../..');
const distHash = createHash('sha256')
  .update(readFileSync(path.join(root, 'contracts/escrow/dist/escrow.wasm')))
  .digest('hex');

describe('released escrow builds (lib/networks/deployments.json)', () => {
  it('local: the current build is the committed dist/escrow.wasm, and it is released', () => {
    // A rebuilt wasm must be recorded here, or every new local escrow would be refused as a look-alike.
    expect(deployments.local.wasmHash).toBe(distHash);
    expect(deployments.local.released).toContain(distHash);
  });

  it('every network lists its released builds as 64-hex hashes, the current one among them', () => {
    for (const [name, d] of Object.entries(deployments) as [string, { wasmHash?: string; released: string[] }][]) {
      for (const h of d.released) expect(h, name).toMatch(/^[0-9a-f]{64}$/);
      if (d.wasmHash) expect(d.released, name).toContain(d.wasmHash);
    }
  });

  it('the configuration accepts exactly the released builds, plus those added by the environment', () => {
    const extra = 'ab'.repeat(32);
    const n = parseNetworkConfig({ OPENESCROW_RELEASED_WASM_HASHES: ` ${extra} ,` });
    expect(n.wasmHash).toBe(distHash);
    expect(n.releasedWasmHashes).toEqual([distHash, extra]);
    expect(parseNetworkConfig({ OPENESCROW_NETWORK: 'testnet' }).releasedWasmHashes).toEqual([]);
    expect(() => parseNetworkConfig({ OPENESCROW_RELEASED_WASM_HASHES: 'nothex' })).toThrow(
      /OPENESCROW_RELEASED_WASM_HASHES/,
    );
  });
});
