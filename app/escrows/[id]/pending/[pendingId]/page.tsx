import { scValToNative, xdr } from '@stellar/stellar-sdk';
import Link from 'next/link';
import { getPending } from '@/lib/pending/app';
import { PendingSignatures } from '@/components/steps/pending-signatures';
import { LoadError } from '@/components/escrow/load-error';
import { ChainText } from '@/components/escrow/chain-text';
import { verifyEscrowContract } from '@/lib/escrow/verify';
import { getNetwork } from '@/lib/networks/server';
import { ChainError } from '@/lib/stellar/result';

/** A release waiting for its signers: what each one authorises, who has signed, and submit. */
export default async function PendingPage({ params }: { params: Promise<{ id: string; pendingId: string }> }) {
  const { id, pendingId } = await params;
  const pending = await getPending(pendingId);
  if (!pending || pending.escrowId !== id)
    return (
      <LoadError message="This pending release does not exist or its signatures have expired (they last about an hour). Start the release again." />
    );
  try {
    await verifyEscrowContract(await getNetwork(), id);
  } catch (e) {
    if (e instanceof ChainError) return <LoadError message={e.error.message} code={e.error.code} />;
    throw e;
  }
  const fn = xdr.HostFunction.fromXdr(pending.func, 'base64');
  const call =
    fn.type === 'hostFunctionTypeInvokeContract'
      ? `${fn.invokeContract.functionName.toString()}(${fn.invokeContract.args.map((a) => JSON.stringify(scValToNative(a), (_k, v) => (typeof v === 'bigint' ? v.toString() : v))).join(', ')})`
      : fn.type;
  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/escrows/${id}`}>← Back to the escrow</Link>
      </nav>
      <h1 className="text-2xl font-bold">Release waiting for signatures</h1>
      <ul className="list-disc pl-5 text-sm">
        {pending.summary.map((s) => (
          <li key={s}>
            <ChainText text={s} />
          </li>
        ))}
      </ul>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-sm">
        <dt className="text-zinc-600 dark:text-zinc-400">Contract</dt>
        <dd className="break-all font-mono text-xs">{id}</dd>
        <dt className="text-zinc-600 dark:text-zinc-400">Call</dt>
        <dd className="break-all font-mono text-xs">
          <ChainText text={call} />
        </dd>
        <dt className="text-zinc-600 dark:text-zinc-400">Signatures valid until</dt>
        <dd>ledger {pending.validUntilLedger}</dd>
      </dl>
      <PendingSignatures initial={pending} />
    </div>
  );
}
