/**
 * The Local dev wallet as a Stellar Wallets Kit module: the same interface as Freighter & co.,
 * signing with keys kept in this browser. Offered on the local network only.
 */
import { authorizeEntry, Keypair, TransactionBuilder, xdr } from '@stellar/stellar-sdk';
import { formatAmount } from '@/lib/amounts';
import { activeDevAccount, devKeypair, loadDevWallet } from './dev-wallet-store';

export const DEV_WALLET_ID = 'openescrow-dev-wallet';
export const ASK_BEFORE_SIGNING_KEY = 'openescrow:dev-wallet-confirm';

export function askBeforeSigning(): boolean {
  return localStorage.getItem(ASK_BEFORE_SIGNING_KEY) === '1';
}

export class LocalDevWalletModule {
  moduleType = 'HOT_WALLET' as const;
  productId = DEV_WALLET_ID;
  productName = 'Local dev wallet';
  productUrl = 'http://localhost:3000/';
  productIcon = '/dev-wallet.svg';

  constructor(private readonly passphrase: string) {}

  async isAvailable(): Promise<boolean> {
    return true;
  }

  async getAddress(): Promise<{ address: string }> {
    const address = activeDevAccount(loadDevWallet());
    if (!address) throw new Error('The Local dev wallet has no account yet: create one');
    return { address };
  }

  private keypair(address?: string): Keypair {
    const data = loadDevWallet();
    const key = devKeypair(data, address ?? activeDevAccount(data) ?? '');
    if (!key) throw new Error(`The Local dev wallet holds no key for ${address ?? 'the active account'}`);
    return key;
  }

  async signTransaction(txXdr: string, opts?: { networkPassphrase?: string; address?: string }) {
    const passphrase = opts?.networkPassphrase ?? this.passphrase;
    if (passphrase !== this.passphrase) throw new Error(`The Local dev wallet signs only for “${this.passphrase}”`);
    const tx = TransactionBuilder.fromXDR(txXdr, passphrase);
    const key = this.keypair(opts?.address);
    // Like a real wallet, it can ask first (a setting in the wallet menu), so rejection can be tried.
    if (
      askBeforeSigning() &&
      !window.confirm(
        `Local dev wallet: sign this transaction as ${key.publicKey()}? Network fee up to ${formatAmount(BigInt(tx.fee), 7)} XLM.`,
      )
    ) {
      throw new Error('User rejected the request');
    }
    tx.sign(key);
    return { signedTxXdr: tx.toXDR(), signerAddress: key.publicKey() };
  }

  /** Signs a whole authorisation entry (not only its preimage) for any account this wallet holds. */
  async signAuthorizationEntry(entryXdr: string, address: string, validUntilLedger: number): Promise<string> {
    const entry = xdr.SorobanAuthorizationEntry.fromXdr(entryXdr, 'base64');
    const signed = await authorizeEntry(entry, this.keypair(address), validUntilLedger, this.passphrase);
    return signed.toXdr('base64');
  }

  holds(address: string): boolean {
    return devKeypair(loadDevWallet(), address) !== null;
  }

  async signAuthEntry(): Promise<{ signedAuthEntry: string }> {
    throw new Error('Use signAuthorizationEntry');
  }

  async signMessage(): Promise<{ signedMessage: string }> {
    throw new Error('The Local dev wallet does not sign messages');
  }

  async getNetwork() {
    return { network: 'local', networkPassphrase: this.passphrase };
  }
}
