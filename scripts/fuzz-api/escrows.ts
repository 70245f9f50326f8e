/**
 * Gives the fuzz real escrows to aim at: on the running localnet, a funded account that holds
 * every role but the resolver deploys a single-release and a multi-release escrow in test USDC.
 * Prints `{ "escrows": [C…, C…], "accounts": [G…, G…] }` (the acting account, the resolver).
 *
 *   E2E_LOCALNET_PORT=… E2E_DATA_DIR=… npx tsx scripts/fuzz-api/escrows.ts
 */
import { Keypair } from '@stellar/stellar-sdk';
import type { EscrowConfig } from '../../lib/escrow/types';
import { protocolFeeRecipient, readyAccount, usdc } from '../../e2e/chain';
import { deployEscrow, releasedWasmHash } from '../../e2e/contracts';

async function main(): Promise<void> {
  const party = await readyAccount({ usdc: '1000' });
  const resolver = Keypair.random().publicKey();
  const token = (await usdc()).contractId;
  const p = party.publicKey();
  const config = (kind: EscrowConfig['kind']): EscrowConfig => ({
    kind,
    engagementId: `FUZZ-${kind}`,
    title: `Fuzz target (${kind})`,
    description: 'Made by scripts/fuzz-api/escrows.ts',
    token,
    roles: {
      approvers: [p],
      approvalsRequired: 1,
      serviceProvider: p,
      releaseSigners: [p],
      releasesRequired: 1,
      disputeResolver: resolver,
      platform: p,
      receiver: p,
    },
    platformFeeBps: 100,
    protocolFee: { recipient: protocolFeeRecipient(), bps: 30 },
    amount: kind === 'Single' ? 100_000_000n : 0n,
    milestones:
      kind === 'Single'
        ? [{ description: 'Draft', amount: 0n, receiver: null }]
        : [
            { description: 'First', amount: 50_000_000n, receiver: null },
            { description: 'Second', amount: 50_000_000n, receiver: null },
          ],
    deadline: null,
  });
  const hash = releasedWasmHash();
  const escrows = [await deployEscrow(party, hash, config('Single')), await deployEscrow(party, hash, config('Multi'))];
  process.stdout.write(`${JSON.stringify({ escrows, accounts: [p, resolver] })}\n`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
