import { StrKey } from '@stellar/stellar-sdk';

/** A Stellar address the escrow can name: an account (`G…`) or a contract (`C…`), checksum included. */
export function isAddress(value: string): boolean {
  return StrKey.isValidEd25519PublicKey(value) || StrKey.isValidContract(value);
}

export function isAccountAddress(value: string): boolean {
  return StrKey.isValidEd25519PublicKey(value);
}

export function isContractAddress(value: string): boolean {
  return StrKey.isValidContract(value);
}

/** Why an address is not valid, in a sentence, or null when it is. */
export function addressProblem(value: string): string | null {
  const v = value.trim();
  if (!v) return 'Enter an address';
  if (isAddress(v)) return null;
  if (/^S[A-Z2-7]{55}$/.test(v)) return 'This is a secret key, never share it. Enter the public address (G…)';
  if (!/^[GC]/.test(v)) return 'A Stellar address starts with G (account) or C (contract)';
  if (v.length !== 56) return `A Stellar address has 56 characters, this has ${v.length}`;
  return 'This address has a typo: its checksum does not match';
}

/** Shortens an address for display: GABC…WXYZ. */
export function shortAddress(value: string): string {
  return value.length > 12 ? `${value.slice(0, 4)}…${value.slice(-4)}` : value;
}
