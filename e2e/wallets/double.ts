/**
 * The Node side of a wallet extension's test double: a real keypair, the network the "extension"
 * is set to, and the person's answers to its pop-ups. The page side (one file per wallet in this
 * folder) speaks that wallet's own protocol to the page and calls in here through a Playwright
 * binding, so that Stellar Wallets Kit's module code and ours run unchanged. A test double of
 * the extension, not of our code: it never looks at what the app does, only answers the wallet's
 * requests as the extension would.
 */
import { hash, Keypair, TransactionBuilder } from '@stellar/stellar-sdk';
import type { BrowserContext } from '@playwright/test';
import { E2E } from '../env';

export interface WalletNetwork {
  /** As the wallet names it (Freighter: PUBLIC, TESTNET, STANDALONE…). */
  name: string;
  passphrase: string;
}

export const LOCAL: WalletNetwork = { name: 'STANDALONE', passphrase: E2E.passphrase };
export const TESTNET: WalletNetwork = { name: 'TESTNET', passphrase: 'Test SDF Network ; September 2015' };

/** What the page side gets back: a value, the person's refusal, or the wallet's own error. */
export type Answer<T> = { value: T } | { declined: true } | { error: string };

export interface WalletRequest {
  op: string;
  /** The transaction or preimage asked to sign, when there was one. */
  payload?: string;
}

export class WalletDouble {
  /** Every request the page made, in order (tests check what was, or was not, asked). */
  readonly requests: WalletRequest[] = [];
  /** The person's answer to the next pop-ups: approve or reject. */
  approve = true;
  /** Whether this site was granted access (after an approved connect). */
  allowed = false;

  constructor(
    readonly keypair: Keypair,
    public network: WalletNetwork = LOCAL,
  ) {}

  get address(): string {
    return this.keypair.publicKey();
  }

  /** Exposes this double to every page of `context` as `window[binding]`. */
  async expose(context: BrowserContext, binding: string) {
    await context.exposeBinding(binding, (_source, op: string, args: Record<string, string | undefined>) =>
      this.answer(op, args ?? {}),
    );
  }

  answer(op: string, args: Record<string, string | undefined>): Answer<unknown> {
    this.requests.push({ op, payload: args.xdr ?? args.preimage });
    switch (op) {
      case 'allowed':
        return { value: this.allowed };
      case 'connect':
        if (!this.approve) return { declined: true };
        this.allowed = true;
        return { value: this.address };
      case 'address':
        return { value: this.allowed ? this.address : '' };
      case 'network':
        return { value: this.network };
      case 'signTransaction':
        return this.signTransaction(args.xdr ?? '', args.passphrase, args.address);
      case 'signAuthEntry':
        return this.signAuthEntry(args.preimage ?? '', args.address);
      default:
        return { error: `The wallet double does not answer “${op}”` };
    }
  }

  /** Signs as the extension does: for the passphrase asked (or its own network's), with its key. */
  private signTransaction(
    txXdr: string,
    passphrase: string | undefined,
    address: string | undefined,
  ): Answer<{ signedTxXdr: string; signerAddress: string }> {
    if (address && address !== this.address) return { error: `This wallet has no account ${address}` };
    if (!this.approve) return { declined: true };
    const tx = TransactionBuilder.fromXDR(txXdr, passphrase || this.network.passphrase);
    tx.sign(this.keypair);
    return { value: { signedTxXdr: tx.toXDR(), signerAddress: this.address } };
  }

  /** Signs the SHA-256 of a HashIdPreimage (base64 XDR), returning the signature in base64. */
  private signAuthEntry(
    preimage: string,
    address: string | undefined,
  ): Answer<{ signedAuthEntry: string; signerAddress: string }> {
    if (address && address !== this.address) return { error: `This wallet has no account ${address}` };
    if (!this.approve) return { declined: true };
    const signature = Buffer.from(this.keypair.sign(hash(Buffer.from(preimage, 'base64'))));
    return { value: { signedAuthEntry: signature.toString('base64'), signerAddress: this.address } };
  }
}

/** Tests talk only to 127.0.0.1: the kit's wallet icons (and anything else remote) are refused. */
export async function offline(context: BrowserContext) {
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
}
