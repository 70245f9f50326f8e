import { Address, nativeToScVal, scValToNative, xdr } from '@stellar/stellar-sdk';

/** Small, explicit ScVal encoders: the contract's types spelled out, no guessing from JS values. */
export const sc = {
  address: (a: string) => Address.fromString(a).toScVal(),
  string: (s: string) => xdr.ScVal.scvString(s),
  symbol: (s: string) => xdr.ScVal.scvSymbol(s),
  u32: (n: number) => xdr.ScVal.scvU32(n),
  u64: (n: bigint) => nativeToScVal(n, { type: 'u64' }),
  i128: (n: bigint) => nativeToScVal(n, { type: 'i128' }),
  vec: (items: xdr.ScVal[]) => xdr.ScVal.scvVec(items),
  void: () => xdr.ScVal.scvVoid(),
  option: <T>(value: T | null | undefined, encode: (v: T) => xdr.ScVal) =>
    value === null || value === undefined ? xdr.ScVal.scvVoid() : encode(value),
  /** A unit enum variant (`#[contracttype] enum E { A }`): vec[symbol]. */
  unitEnum: (variant: string) => xdr.ScVal.scvVec([xdr.ScVal.scvSymbol(variant)]),
  /** A `#[contracttype]` struct: a map keyed by field-name symbols, sorted as the host requires. */
  struct: (fields: Record<string, xdr.ScVal>) =>
    xdr.ScVal.scvMap(
      Object.keys(fields)
        .sort(compareSymbols)
        .map((key) => new xdr.ScMapEntry({ key: xdr.ScVal.scvSymbol(key), val: fields[key]! })),
    ),
  /** `Map<Address, i128>`, keys in the host's order for addresses. */
  addressAmountMap: (entries: ReadonlyArray<readonly [string, bigint]>) =>
    xdr.ScVal.scvMap(
      entries
        .map(([a, amount]) => ({ key: Address.fromString(a).toScVal(), val: nativeToScVal(amount, { type: 'i128' }) }))
        .sort((x, y) => compareBytes(x.key.toXDR(), y.key.toXDR()))
        .map((e) => new xdr.ScMapEntry(e)),
    ),
};

function compareSymbols(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Addresses order in a host map by their ScAddress XDR (type first, then bytes). */
function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

export { scValToNative };
