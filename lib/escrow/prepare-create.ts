import { randomBytes } from 'node:crypto';
import { createEscrowOp } from './calls';
import { formToConfig, tokenContractId } from './form-config';
import { targetAmount } from './types';
import { getNetwork } from '../networks/server';
import { accountAddress } from '../schemas/fields';
import { escrowFormSchema, type EscrowFormInput } from '../schemas/steps';
import { splitFees } from '../fees';
import { formatAmount } from '../amounts';
import { ChainError, fail, type Result } from '../stellar/result';
import { hasTrustline, readToken, wasmUploaded } from '../stellar/rpc';
import { shortAddress } from '../strkey';
import { unverifiedTokenWarning } from '../tokens';
import { unexpected } from '../log';
import { fieldErrors, finishPrepare, type StepPrepared } from '../steps';

/**
 * Prepares the deployment of a new escrow (`createCustomContract` + constructor). The platform
 * authorises the constructor; when the connected account is not the platform, the platform's
 * signature is collected as an authorisation entry. No Next-only API: the dApp's server action
 * (lib/actions/create-escrow.ts) and the REST API (POST /escrows) both call it and apply their
 * own rate limits.
 */
export async function prepareCreate(req: {
  source: string;
  input: EscrowFormInput;
}): Promise<Result<StepPrepared & { contractId: string }>> {
  const src = accountAddress.safeParse(req?.source);
  if (!src.success) return fail('no-wallet', src.error.issues[0]!.message);
  const network = await getNetwork();
  if (!network.wasmHash)
    return fail(
      'not-deployed',
      `The escrow contract is not uploaded to ${network.label}: run npm run deploy:contract -- --network ${network.name}`,
    );
  if (!network.protocolFee.recipient)
    return fail('not-configured', 'No protocol fee recipient is configured (OPENESCROW_PROTOCOL_FEE_RECIPIENT)');
  if (!(await wasmUploaded(network, network.wasmHash).catch(() => true)))
    return fail(
      'not-deployed',
      `The escrow contract (wasm ${network.wasmHash.slice(0, 12)}…) is not uploaded to ${network.label}: run npm run deploy:contract -- --network ${network.name}`,
    );
  const shape = escrowFormSchema(7).safeParse(req.input);
  if (!shape.success) return fail('invalid-input', 'Some fields need attention', fieldErrors(shape.error));
  try {
    const tokenId = tokenContractId(shape.data.token, network.passphrase);
    const token = await readToken(network, tokenId).catch((e: unknown) => {
      if (e instanceof ChainError && e.error.code === 'token-unusable') throw e;
      throw new ChainError({
        code: 'no-token',
        message: `There is no token contract ${tokenId} on ${network.label} (deploy the asset’s contract first)`,
      });
    });
    // Amounts again with the token's real decimals.
    const parsed = escrowFormSchema(token.decimals).safeParse(req.input);
    if (!parsed.success) return fail('invalid-input', 'Some fields need attention', fieldErrors(parsed.error));
    const config = formToConfig(parsed.data, {
      decimals: token.decimals,
      token: tokenId,
      protocolFee: { recipient: network.protocolFee.recipient, bps: network.protocolFee.bps },
    });
    const { op, contractId } = createEscrowOp({
      deployer: src.data,
      wasmHash: network.wasmHash,
      config,
      salt: randomBytes(32),
      passphrase: network.passphrase,
    });
    const total = targetAmount(config);
    const f = splitFees(total, { platformBps: config.platformFeeBps, protocolBps: config.protocolFee.bps });
    const m = (u: bigint) => `${formatAmount(u, token.decimals)} ${token.label}`;
    const warning = unverifiedTokenWarning(token);
    const summary = [
      ...(warning ? [warning] : []),
      `Create the ${config.kind === 'Single' ? 'single-release' : 'multi-release'} escrow “${config.title}” at ${contractId}.`,
      `It holds ${m(total)}: the receiver gets ${m(f.net)}, the platform ${m(f.platform)}, the protocol ${m(f.protocol)}.`,
    ];
    // Not a refusal (they can add it later), but the people who will be paid should know now.
    const payees = [
      ...new Set([
        config.roles.receiver,
        config.roles.platform,
        ...config.milestones.flatMap((x) => (x.receiver ? [x.receiver] : [])),
      ]),
    ];
    const untrusting = (
      await Promise.all(payees.map(async (a) => ((await hasTrustline(network, token, a)) ? null : a)))
    ).filter((a) => a !== null);
    if (untrusting.length)
      summary.push(
        `Note: ${untrusting.map(shortAddress).join(', ')} cannot receive ${token.label} yet (no trustline); they must add one before any payout.`,
      );
    const prepared = await finishPrepare(network, src.data, op, summary, contractId, new Set([tokenId]));
    return prepared.ok ? { ok: true, data: { ...prepared.data, contractId } } : prepared;
  } catch (e) {
    if (e instanceof ChainError) return { ok: false, error: e.error };
    return unexpected('preparing a new escrow', e);
  }
}
