'use server';
import { limitAction } from '../rate-limit';
import { readFunding } from '../escrow/read';
import { getNetwork } from '../networks/server';
import { accountAddress, contractId } from '../schemas/fields';
import { fail, ok, type Result } from '../stellar/result';

/** What each address has funded, for the fee-free refund preview of a distribution. */
export async function fundingOf(req: {
  escrowId: string;
  addresses: string[];
}): Promise<Result<Record<string, string>>> {
  const limited = await limitAction(1);
  if (limited) return limited;
  const id = contractId.safeParse(req?.escrowId);
  if (!id.success) return fail('bad-escrow-id', id.error.issues[0]!.message);
  const network = await getNetwork();
  const out: Record<string, string> = {};
  if (!Array.isArray(req.addresses) || req.addresses.length > 20)
    return fail('bad-request', 'Ask for 1 to 20 addresses');
  await Promise.all(
    req.addresses
      .filter((x) => accountAddress.safeParse(x).success)
      .map(async (x) => {
        out[x] = (await readFunding(network, id.data, x).catch(() => 0n)).toString();
      }),
  );
  return ok(out);
}
