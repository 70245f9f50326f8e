import { Address, type xdr } from '@stellar/stellar-sdk';

/** The address an authorisation entry is for (address credentials, v1 or v2), or null for the source account's own. */
export function authAddress(e: xdr.SorobanAuthorizationEntry): string | null {
  const c = e.credentials;
  if (c.type === 'sorobanCredentialsAddress') return Address.fromScAddress(c.address.address).toString();
  if (c.type === 'sorobanCredentialsAddressV2') return Address.fromScAddress(c.addressV2.address).toString();
  if (c.type === 'sorobanCredentialsAddressWithDelegates')
    return Address.fromScAddress(c.addressWithDelegates.addressCredentials.address).toString();
  return null;
}

/** True when an address-credential entry still carries no signature. */
export function needsSignature(e: xdr.SorobanAuthorizationEntry): boolean {
  const c = e.credentials;
  if (c.type === 'sorobanCredentialsAddress') return c.address.signature.type === 'scvVoid';
  if (c.type === 'sorobanCredentialsAddressV2') return c.addressV2.signature.type === 'scvVoid';
  if (c.type === 'sorobanCredentialsAddressWithDelegates')
    return c.addressWithDelegates.addressCredentials.signature.type === 'scvVoid';
  return false;
}
