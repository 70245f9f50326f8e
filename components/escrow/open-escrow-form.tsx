'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { isContractAddress } from '@/lib/strkey';
import { secondaryButtonClass, TextField } from '../forms/field';

/** Go to an escrow by its contract id. */
export function OpenEscrowForm() {
  const router = useRouter();
  const [id, setId] = useState('');
  const [error, setError] = useState<string>();
  return (
    <form
      className="flex max-w-xl items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        const v = id.trim();
        if (!isContractAddress(v)) return setError('An escrow id is a contract address: C… with 56 characters');
        router.push(`/escrows/${v}`);
      }}
    >
      <div className="flex-1">
        <TextField
          label="Open an escrow by its id"
          value={id}
          onChange={(e) => setId(e.target.value)}
          error={error}
          placeholder="C…"
          className="font-mono"
        />
      </div>
      <button type="submit" className={`${secondaryButtonClass} mb-[2px]`}>
        Open
      </button>
    </form>
  );
}
