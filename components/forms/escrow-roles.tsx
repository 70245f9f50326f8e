'use client';
/** The escrow form's roles: one address per single role, and the lists of approvers and release signers. */
import { useFieldArray, type Path, type UseFormReturn } from 'react-hook-form';
import type { EscrowFormInput } from '@/lib/schemas/steps';
import { AddressField } from './address-field';
import { secondaryButtonClass, TextField } from './field';

type Mine = (path: Path<EscrowFormInput>) => (address: string) => void;

export function EscrowRoles({ form, mine }: { form: UseFormReturn<EscrowFormInput>; mine: Mine }) {
  const { register, formState } = form;
  const e = formState.errors;
  return (
    <section aria-labelledby="roles-title" className="space-y-3">
      <h2 id="roles-title" className="text-lg font-semibold">
        Roles
      </h2>
      <AddressField
        label="Platform"
        hint="Creates and may edit the escrow; receives the platform fee."
        error={e.platform?.message}
        onUseMine={mine('platform')}
        {...register('platform')}
      />
      <AddressField
        label="Service provider"
        hint="Marks milestones as done."
        error={e.serviceProvider?.message}
        onUseMine={mine('serviceProvider')}
        {...register('serviceProvider')}
      />
      <AddressField
        label="Receiver"
        hint="Gets the payout."
        error={e.receiver?.message}
        onUseMine={mine('receiver')}
        {...register('receiver')}
      />
      <AddressField
        label="Dispute resolver"
        error={e.disputeResolver?.message}
        onUseMine={mine('disputeResolver')}
        {...register('disputeResolver')}
      />
      <AddressList
        form={form}
        mine={mine}
        list="approvers"
        count="approvalsRequired"
        title="Approvers"
        item="approver"
        countLabel="Approvals required"
      />
      <AddressList
        form={form}
        mine={mine}
        list="releaseSigners"
        count="releasesRequired"
        title="Release signers"
        item="release signer"
        countLabel="Release signatures required"
      />
    </section>
  );
}

/** A list of up to five addresses with how many of them are required. */
function AddressList({
  form,
  mine,
  list,
  count,
  title,
  item,
  countLabel,
}: {
  form: UseFormReturn<EscrowFormInput>;
  mine: Mine;
  list: 'approvers' | 'releaseSigners';
  count: 'approvalsRequired' | 'releasesRequired';
  title: string;
  /** One entry's name, lower case ("approver"). */
  item: string;
  countLabel: string;
}) {
  const { register, control, formState } = form;
  const e = formState.errors;
  const rows = useFieldArray({ control, name: list });
  const Item = item[0]!.toUpperCase() + item.slice(1);
  return (
    <fieldset className="space-y-2 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
      <legend className="px-1 text-sm font-medium">{title}</legend>
      {rows.fields.map((f, i) => (
        <div key={f.id} className="space-y-1">
          <AddressField
            label={`${Item} ${i + 1}`}
            error={e[list]?.[i]?.address?.message}
            onUseMine={mine(`${list}.${i}.address`)}
            {...register(`${list}.${i}.address`)}
          />
          {rows.fields.length > 1 ? (
            <button type="button" className={secondaryButtonClass} onClick={() => rows.remove(i)}>
              Remove {item} {i + 1}
            </button>
          ) : null}
        </div>
      ))}
      <button
        type="button"
        className={secondaryButtonClass}
        onClick={() => rows.append({ address: '' })}
        disabled={rows.fields.length >= 5}
      >
        Add {item}
      </button>
      <TextField
        label={countLabel}
        type="number"
        min={1}
        max={rows.fields.length}
        error={e[count]?.message}
        {...register(count)}
      />
    </fieldset>
  );
}
