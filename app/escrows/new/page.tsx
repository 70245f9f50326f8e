import type { Metadata } from 'next';
import { getNetwork } from '@/lib/networks/server';
import { findTemplate } from '@/lib/templates/templates';
import { EscrowForm } from '@/components/forms/escrow-form';
import { TemplatePicker } from '@/components/forms/template-picker';

export const metadata: Metadata = { title: 'New escrow' };

export default async function NewEscrowPage({
  searchParams,
}: {
  searchParams: Promise<{ template?: string | string[] }>;
}) {
  const network = await getNetwork();
  const template = findTemplate((await searchParams).template);
  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <h1 className="text-2xl font-bold">Create an escrow</h1>
      {!network.wasmHash ? (
        <p
          role="alert"
          className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
        >
          The escrow contract is not uploaded to {network.label} yet. Run <code>npm run deploy:contract</code>.
        </p>
      ) : null}
      <TemplatePicker chosen={template} />
      {/* Keyed by template: choosing another one starts its form afresh. */}
      <EscrowForm
        key={template.id}
        mode="create"
        template={template}
        tokens={network.tokens}
        protocolFeeBps={network.protocolFee.bps}
      />
    </div>
  );
}
