//! The events index behind getEvents, laid out as stellar-rpc lays it out, so ids and
//! cursors mean the same: operation events at `(ledger, tx, op, n)`, a transaction's
//! fee event before all transactions at `(ledger, 0, 0, n)`, its refund after it at
//! `(ledger, tx, 4095, n)`, and events after all transactions at `(ledger, 2^20-1, 0, n)`.
//! Failed transactions are indexed too (their fee events still happened).

use super::store::EventRow;
use super::transaction::AppliedTx;
use soroban_env_host::xdr::{
    ContractEvent, ContractEventType, Limits, TransactionEventStage, TransactionMeta, WriteXdr,
};

const TX_MASK: u32 = 0xFFFFF;
const OP_MASK: u32 = 0xFFF;

pub fn index(ledger: u32, close_time: u64, applied: &[AppliedTx]) -> Vec<EventRow> {
    let mut rows = vec![];
    let (mut before, mut after_all) = (0u32, 0u32);
    for (i, t) in applied.iter().enumerate() {
        let tx_index = i as u32 + 1;
        let row = |tx_index: u32, op_index: u32, event_index: u32, ev: &ContractEvent| EventRow {
            ledger,
            tx_index,
            op_index,
            event_index,
            kind: if ev.type_ == ContractEventType::System {
                1
            } else {
                0
            },
            contract_id: ev.contract_id.as_ref().map(|c| c.0 .0),
            xdr: ev.to_xdr(Limits::none()).unwrap_or_default(),
            tx_hash: t.frame.hash,
            successful: t.successful,
            close_time,
        };
        let TransactionMeta::V4(meta) = &t.meta else {
            continue;
        };
        let mut after_tx = 0u32;
        for te in meta.events.iter() {
            let position = match te.stage {
                TransactionEventStage::BeforeAllTxs => {
                    before += 1;
                    (0, 0, before - 1)
                }
                TransactionEventStage::AfterTx => {
                    after_tx += 1;
                    (tx_index, OP_MASK, after_tx - 1)
                }
                TransactionEventStage::AfterAllTxs => {
                    after_all += 1;
                    (TX_MASK, 0, after_all - 1)
                }
            };
            rows.push(row(position.0, position.1, position.2, &te.event));
        }
        for (op_index, op) in meta.operations.iter().enumerate() {
            for (n, ev) in op.events.iter().enumerate() {
                rows.push(row(tx_index, op_index as u32, n as u32, ev));
            }
        }
    }
    rows.sort_by_key(|r| (r.tx_index, r.op_index, r.event_index));
    rows
}
