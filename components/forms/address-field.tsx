'use client';
import { forwardRef, type InputHTMLAttributes, type ReactNode } from 'react';
import { useWallet } from '../wallet/wallet-provider';
import { secondaryButtonClass, TextField } from './field';

type Props = InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  error?: string;
  hint?: ReactNode;
  onUseMine: (address: string) => void;
};

/** An address input with a "Use my address" button (the connected wallet's). */
export const AddressField = forwardRef<HTMLInputElement, Props>(function AddressField(
  { onUseMine, label, ...rest },
  ref,
) {
  const { address } = useWallet();
  return (
    <TextField
      ref={ref}
      label={label}
      placeholder="G… or C…"
      autoComplete="off"
      spellCheck={false}
      className="font-mono"
      {...rest}
      action={
        <button
          type="button"
          className={`${secondaryButtonClass} shrink-0`}
          disabled={!address}
          onClick={() => address && onUseMine(address)}
          aria-label={`Use my address for ${label}`}
        >
          Use my address
        </button>
      }
    />
  );
});
