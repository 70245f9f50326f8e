//! A parsed transaction envelope: the inner v1 transaction, its hashes and size, and
//! for a fee bump the outer fee payer; plus what the fee rules need to know about it.

use super::accounts;
use super::fees;
use soroban_env_host::xdr::{
    AccountId, DecoratedSignature, FeeBumpTransactionInnerTx, Limits, MuxedAccount, Operation,
    OperationBody, SorobanTransactionData, Transaction, TransactionEnvelope, TransactionExt,
    TransactionResultResult, WriteXdr,
};

/// A parsed envelope: the inner v1 transaction and, for a fee bump, the outer fee payer.
#[derive(Clone, Debug)]
pub struct TxFrame {
    pub envelope: TransactionEnvelope,
    /// Hash of the envelope as submitted (the outer one for a fee bump).
    pub hash: [u8; 32],
    pub tx: Transaction,
    pub inner_hash: [u8; 32],
    pub inner_signatures: Vec<DecoratedSignature>,
    pub fee_bump: Option<FeeBump>,
    /// XDR size of the whole envelope: what the bandwidth fee is charged on.
    pub size: u32,
}

#[derive(Clone, Debug)]
pub struct FeeBump {
    pub fee_source: AccountId,
    pub fee: i64,
    pub signatures: Vec<DecoratedSignature>,
}

pub fn muxed_to_account(m: &MuxedAccount) -> AccountId {
    match m {
        MuxedAccount::Ed25519(k) => accounts::account_id(k.0),
        MuxedAccount::MuxedEd25519(m) => accounts::account_id(m.ed25519.0),
    }
}

impl TxFrame {
    /// Parses an envelope; V0 envelopes are refused as core does from protocol 13.
    pub fn parse(
        envelope: TransactionEnvelope,
        network_id: [u8; 32],
    ) -> Result<TxFrame, TransactionResultResult> {
        let hash = envelope
            .hash(network_id)
            .map_err(|_| TransactionResultResult::TxMalformed)?;
        let size = envelope
            .to_xdr(Limits::none())
            .map(|b| b.len() as u32)
            .unwrap_or(u32::MAX);
        match &envelope {
            TransactionEnvelope::TxV0(_) => Err(TransactionResultResult::TxNotSupported),
            TransactionEnvelope::Tx(e) => Ok(TxFrame {
                tx: e.tx.clone(),
                inner_hash: hash,
                inner_signatures: e.signatures.to_vec(),
                fee_bump: None,
                hash,
                size,
                envelope: envelope.clone(),
            }),
            TransactionEnvelope::TxFeeBump(fb) => {
                let FeeBumpTransactionInnerTx::Tx(inner) = &fb.tx.inner_tx;
                let inner_env = TransactionEnvelope::Tx(inner.clone());
                let inner_hash = inner_env
                    .hash(network_id)
                    .map_err(|_| TransactionResultResult::TxMalformed)?;
                Ok(TxFrame {
                    tx: inner.tx.clone(),
                    inner_hash,
                    inner_signatures: inner.signatures.to_vec(),
                    fee_bump: Some(FeeBump {
                        fee_source: muxed_to_account(&fb.tx.fee_source),
                        fee: fb.tx.fee,
                        signatures: fb.signatures.to_vec(),
                    }),
                    hash,
                    size,
                    envelope: envelope.clone(),
                })
            }
        }
    }

    pub fn soroban_data(&self) -> Option<&SorobanTransactionData> {
        match &self.tx.ext {
            TransactionExt::V1(d) => Some(d),
            TransactionExt::V0 => None,
        }
    }

    pub fn is_soroban(&self) -> bool {
        self.tx.operations.iter().any(is_soroban_op)
    }

    pub fn source(&self) -> AccountId {
        muxed_to_account(&self.tx.source_account)
    }

    /// Who pays the fee: the fee-bump source, else the transaction source.
    pub fn fee_source(&self) -> AccountId {
        self.fee_bump
            .as_ref()
            .map(|f| f.fee_source.clone())
            .unwrap_or_else(|| self.source())
    }

    pub fn resource_fee(&self) -> i64 {
        self.soroban_data().map(|d| d.resource_fee).unwrap_or(0)
    }

    /// The fee core charges up front: the whole resource fee plus the inclusion fee
    /// at the ledger's base fee (there is no surge pricing on localnet).
    pub fn fee_to_charge(&self, base_fee: u32) -> i64 {
        let ops = self.tx.operations.len() + usize::from(self.fee_bump.is_some());
        let offered = self.full_fee() - self.resource_fee();
        self.resource_fee() + offered.min(fees::min_inclusion_fee(base_fee, ops))
    }

    pub fn full_fee(&self) -> i64 {
        self.fee_bump
            .as_ref()
            .map(|f| f.fee)
            .unwrap_or(self.tx.fee as i64)
    }

    pub fn op_source(&self, op: &Operation) -> AccountId {
        op.source_account
            .as_ref()
            .map(muxed_to_account)
            .unwrap_or_else(|| self.source())
    }
}

pub fn is_soroban_op(op: &Operation) -> bool {
    matches!(
        op.body,
        OperationBody::InvokeHostFunction(_)
            | OperationBody::ExtendFootprintTtl(_)
            | OperationBody::RestoreFootprint(_)
    )
}
