import { Account, BASE_FEE, Keypair, Networks, Operation, TransactionBuilder } from '@stellar/stellar-sdk';
import { describe, expect, it } from 'vitest';
import type { NetworkConfig } from '../networks/config';
import { checkSigned } from './submit';
import { ticketFor } from './ticket';

const network = { label: 'Local (localnet)', passphrase: Networks.STANDALONE } as NetworkConfig;
const source = Keypair.random();

function prepared(passphrase = Networks.STANDALONE, amount = '1000') {
  const tx = new TransactionBuilder(new Account(source.publicKey(), '41'), {
    fee: BASE_FEE,
    networkPassphrase: passphrase,
  })
    .addOperation(Operation.bumpSequence({ bumpTo: amount }))
    .setTimeout(60)
    .build();
  return tx;
}

describe('the shared submit check', () => {
  it('accepts the prepared transaction signed by its source', () => {
    const tx = prepared();
    const ticket = ticketFor(Buffer.from(tx.hash()).toString('hex'));
    tx.sign(source);
    expect(checkSigned(network, tx.toXDR(), ticket).ok).toBe(true);
  });

  it('refuses a transaction whose content changed', () => {
    const original = prepared(Networks.STANDALONE, '100');
    const ticket = ticketFor(Buffer.from(original.hash()).toString('hex'));
    const other = prepared(Networks.STANDALONE, '200');
    other.sign(source);
    const r = checkSigned(network, other.toXDR(), ticket);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('not-prepared');
  });

  it('says when the wallet signed for another network', () => {
    const tx = prepared();
    const ticket = ticketFor(Buffer.from(tx.hash()).toString('hex'));
    // The same content signed by a wallet set to testnet.
    const onTestnet = TransactionBuilder.fromXDR(tx.toXDR(), Networks.TESTNET);
    onTestnet.sign(source);
    const r = checkSigned(network, onTestnet.toXDR(), ticket);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('network-mismatch');
      expect(r.error.message).toContain('Local (localnet)');
    }
  });

  it('refuses unsigned transactions, wrong signers and garbage', () => {
    const tx = prepared();
    const ticket = ticketFor(Buffer.from(tx.hash()).toString('hex'));
    const unsigned = checkSigned(network, tx.toXDR(), ticket);
    expect(!unsigned.ok && unsigned.error.code).toBe('unsigned');
    tx.sign(Keypair.random());
    const wrong = checkSigned(network, tx.toXDR(), ticket);
    expect(!wrong.ok && wrong.error.code).toBe('wrong-signer');
    const garbage = checkSigned(network, 'AAAA', ticket);
    expect(!garbage.ok && garbage.error.code).toBe('bad-xdr');
  });
});
