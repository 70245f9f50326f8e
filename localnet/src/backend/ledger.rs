//! Closing a ledger: the next header (hash-chained to the last), the transaction set
//! and result set, and the `LedgerCloseMeta` v2 that stellar-rpc serves and the SDK
//! decodes. One closed ledger becomes one store commit.

use super::genesis::{BASE_FEE, BASE_RESERVE, PROTOCOL_VERSION};
use super::store::LedgerRow;
use super::transaction::AppliedTx;
use sha2::{Digest, Sha256};
use soroban_env_host::xdr::{
    DependentTxCluster, ExtensionPoint, GeneralizedTransactionSet, Hash, LedgerCloseMeta,
    LedgerCloseMetaExt, LedgerCloseMetaV2, LedgerEntryChanges, LedgerHeader, LedgerHeaderExt,
    LedgerHeaderHistoryEntry, LedgerHeaderHistoryEntryExt, LedgerKey, Limits,
    ParallelTxExecutionStage, ParallelTxsComponent, StellarValue, StellarValueExt, TimePoint,
    TransactionPhase, TransactionResultMetaV1, TransactionResultPair, TransactionResultSet,
    TransactionSetV1, TxSetComponent, TxSetComponentTxsMaybeDiscountedFee, VecM, WriteXdr,
};

fn sha256(bytes: &[u8]) -> [u8; 32] {
    Sha256::digest(bytes).into()
}

/// The genesis header (ledger 1), as core writes it for a new network.
pub fn genesis_header(total_coins: i64) -> LedgerHeader {
    LedgerHeader {
        ledger_version: PROTOCOL_VERSION,
        previous_ledger_hash: Hash([0; 32]),
        scp_value: StellarValue {
            tx_set_hash: Hash([0; 32]),
            close_time: TimePoint(0),
            upgrades: VecM::default(),
            ext: StellarValueExt::Basic,
        },
        tx_set_result_hash: Hash([0; 32]),
        bucket_list_hash: Hash([0; 32]),
        ledger_seq: 1,
        total_coins,
        fee_pool: 0,
        inflation_seq: 0,
        id_pool: 0,
        base_fee: BASE_FEE,
        base_reserve: BASE_RESERVE,
        max_tx_set_size: 1000,
        skip_list: [Hash([0; 32]), Hash([0; 32]), Hash([0; 32]), Hash([0; 32])],
        ext: LedgerHeaderExt::V0,
    }
}

pub fn header_hash(h: &LedgerHeader) -> [u8; 32] {
    sha256(&h.to_xdr(Limits::none()).expect("headers encode"))
}

/// Builds the next ledger from the last one and the transactions applied in it.
/// `state_digest` stands in for the bucket list hash: it changes whenever state does.
pub fn close(
    prev: &LedgerHeader,
    prev_hash: [u8; 32],
    close_time: u64,
    applied: &[AppliedTx],
    state_digest: [u8; 32],
    soroban_state_size: u64,
    evicted_keys: Vec<LedgerKey>,
) -> (LedgerHeader, LedgerRow) {
    let (soroban, classic): (Vec<&AppliedTx>, Vec<&AppliedTx>) =
        applied.iter().partition(|t| t.frame.is_soroban());
    let envelopes = |txs: &[&AppliedTx]| -> VecM<_> {
        txs.iter()
            .map(|t| t.frame.envelope.clone())
            .collect::<Vec<_>>()
            .try_into()
            .unwrap_or_default()
    };
    let classic_phase = if classic.is_empty() {
        vec![]
    } else {
        vec![TxSetComponent::TxsetCompTxsMaybeDiscountedFee(
            TxSetComponentTxsMaybeDiscountedFee {
                base_fee: None,
                txs: envelopes(&classic),
            },
        )]
    };
    let stages = if soroban.is_empty() {
        vec![]
    } else {
        vec![ParallelTxExecutionStage(
            vec![DependentTxCluster(envelopes(&soroban))]
                .try_into()
                .unwrap_or_default(),
        )]
    };
    let tx_set = GeneralizedTransactionSet::V1(TransactionSetV1 {
        previous_ledger_hash: Hash(prev_hash),
        phases: vec![
            TransactionPhase::V0(classic_phase.try_into().unwrap_or_default()),
            TransactionPhase::V1(ParallelTxsComponent {
                base_fee: None,
                execution_stages: stages.try_into().unwrap_or_default(),
            }),
        ]
        .try_into()
        .expect("two phases"),
    });
    let results: Vec<TransactionResultPair> = applied
        .iter()
        .map(|t| TransactionResultPair {
            transaction_hash: Hash(t.frame.hash),
            result: t.result.clone(),
        })
        .collect();
    let result_set = TransactionResultSet {
        results: results.clone().try_into().unwrap_or_default(),
    };
    let fees: i64 = applied.iter().map(|t| t.fee_charged).sum();
    let seq = prev.ledger_seq + 1;
    let header = LedgerHeader {
        ledger_version: prev.ledger_version,
        previous_ledger_hash: Hash(prev_hash),
        scp_value: StellarValue {
            tx_set_hash: Hash(sha256(&tx_set.to_xdr(Limits::none()).unwrap_or_default())),
            close_time: TimePoint(close_time),
            upgrades: VecM::default(),
            ext: StellarValueExt::Basic,
        },
        tx_set_result_hash: Hash(sha256(
            &result_set.to_xdr(Limits::none()).unwrap_or_default(),
        )),
        bucket_list_hash: Hash(state_digest),
        ledger_seq: seq,
        total_coins: prev.total_coins,
        fee_pool: prev.fee_pool + fees,
        inflation_seq: prev.inflation_seq,
        id_pool: prev.id_pool,
        base_fee: prev.base_fee,
        base_reserve: prev.base_reserve,
        max_tx_set_size: prev.max_tx_set_size,
        skip_list: prev.skip_list.clone(),
        ext: LedgerHeaderExt::V0,
    };
    let hash = header_hash(&header);
    let history = LedgerHeaderHistoryEntry {
        hash: Hash(hash),
        header: header.clone(),
        ext: LedgerHeaderHistoryEntryExt::V0,
    };
    let processing: Vec<TransactionResultMetaV1> = applied
        .iter()
        .zip(results)
        .map(|(t, pair)| TransactionResultMetaV1 {
            ext: ExtensionPoint::V0,
            result: pair,
            fee_processing: LedgerEntryChanges(
                t.fee_changes.clone().try_into().unwrap_or_default(),
            ),
            tx_apply_processing: t.meta.clone(),
            post_tx_apply_fee_processing: LedgerEntryChanges(
                t.post_fee_changes.clone().try_into().unwrap_or_default(),
            ),
        })
        .collect();
    let meta = LedgerCloseMeta::V2(LedgerCloseMetaV2 {
        ext: LedgerCloseMetaExt::V0,
        ledger_header: history.clone(),
        tx_set,
        tx_processing: processing.try_into().unwrap_or_default(),
        upgrades_processing: VecM::default(),
        scp_info: VecM::default(),
        total_byte_size_of_live_soroban_state: soroban_state_size,
        evicted_keys: evicted_keys.try_into().unwrap_or_default(),
    });
    let row = LedgerRow {
        seq,
        hash,
        close_time,
        header: history.to_xdr(Limits::none()).expect("headers encode"),
        meta: meta.to_xdr(Limits::none()).expect("meta encodes"),
    };
    (header, row)
}

/// The genesis ledger's row: its header and an empty close meta.
pub fn genesis_row(header: &LedgerHeader, soroban_state_size: u64) -> LedgerRow {
    let hash = header_hash(header);
    let history = LedgerHeaderHistoryEntry {
        hash: Hash(hash),
        header: header.clone(),
        ext: LedgerHeaderHistoryEntryExt::V0,
    };
    let meta = LedgerCloseMeta::V2(LedgerCloseMetaV2 {
        ext: LedgerCloseMetaExt::V0,
        ledger_header: history.clone(),
        tx_set: GeneralizedTransactionSet::V1(TransactionSetV1 {
            previous_ledger_hash: Hash([0; 32]),
            phases: vec![
                TransactionPhase::V0(VecM::default()),
                TransactionPhase::V1(ParallelTxsComponent {
                    base_fee: None,
                    execution_stages: VecM::default(),
                }),
            ]
            .try_into()
            .expect("two phases"),
        }),
        tx_processing: VecM::default(),
        upgrades_processing: VecM::default(),
        scp_info: VecM::default(),
        total_byte_size_of_live_soroban_state: soroban_state_size,
        evicted_keys: VecM::default(),
    });
    LedgerRow {
        seq: header.ledger_seq,
        hash,
        close_time: header.scp_value.close_time.0,
        header: history.to_xdr(Limits::none()).expect("headers encode"),
        meta: meta.to_xdr(Limits::none()).expect("meta encodes"),
    }
}
