import { explorerLink } from '@/lib/networks/config';

/** A full address, monospace and breakable, linked to the explorer when there is one. */
export function AddressText({ address, explorerUrl }: { address: string; explorerUrl: string | null }) {
  const href = explorerLink({ explorerUrl }, address.startsWith('C') ? 'contract' : 'account', address);
  const text = <span className="break-all font-mono text-xs">{address}</span>;
  return (
    <div>
      {href ? (
        <a href={href} target="_blank" rel="noreferrer">
          {text}
        </a>
      ) : (
        text
      )}
    </div>
  );
}
