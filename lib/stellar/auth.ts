import { Address, type xdr } from '@stellar/stellar-sdk';

/** The address an authorisation entry is for (address credentials, v1 or v2), or null for the source account's own. */
export function authAddress(e: xdr.SorobanAuthorizationEntry): string | null {
  const c = e.credentials;
  if (c.type === 'sorobanCredentialsAddress') return Address.fromScAddress(c.address.address).toString();
  if (c.type === 'sorobanCredentialsAddressV2') return Address.fromScAddress(c.addressV2.address).toString();
  if (c.type === 'sorobanCredentialsAddressWithDelegates') return Address.fromScAddress(c.addressWithDelegates.addressCredentials.address).toString();
  return null;
}
