'use client';
/**
 * What a template fills in only in the browser: its deadline (days from now, in local time, after
 * hydration so server and browser render alike) and the roles you play, with the connected
 * wallet's address, following it when you switch accounts unless you typed another one.
 */
import { useEffect, useRef } from 'react';
import type { Path, UseFormReturn } from 'react-hook-form';
import type { EscrowFormInput } from '@/lib/schemas/steps';
import { roleFields } from '@/lib/templates/apply';
import type { EscrowTemplate } from '@/lib/templates/templates';
import { toLocalInput } from './local-time';

export function useTemplate(
  form: UseFormReturn<EscrowFormInput>,
  template: EscrowTemplate | undefined,
  address: string | null,
) {
  const filledWith = useRef('');
  useEffect(() => {
    if (template?.deadlineDays == null) return;
    form.setValue('deadline', toLocalInput(new Date(Date.now() + template.deadlineDays * 86_400_000).toISOString()));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [template?.id]);
  useEffect(() => {
    if (!template) return;
    for (const f of roleFields(template)) {
      if (f.party !== 'you') continue;
      const path = f.path as Path<EscrowFormInput>;
      const current = form.getValues(path);
      if (current === '' || current === filledWith.current) form.setValue(path, (address ?? '') as never);
    }
    filledWith.current = address ?? '';
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [template?.id, address]);
}
