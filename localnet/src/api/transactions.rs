//! Transactions: sendTransaction, getTransaction, getTransactions.

use super::encoding::{b64, from_b64, toid, xdr_b64};
use super::types::{
    start_ledger, FoundTransaction, GetTransactionRequest, GetTransactionResponse,
    GetTransactionsRequest, GetTransactionsResponse, SendStatus, SendTransactionRequest,
    SendTransactionResponse, TransactionDetails, TransactionEvents, TransactionInfo,
    TransactionStatus,
};
use super::{internal, invalid_params, start_out_of_range, to_json, window, Api, RpcResult};
use crate::backend::store::TxRow;
use crate::backend::Submission;
use soroban_env_host::xdr::{Limits, ReadXdr, TransactionEnvelope, TransactionMeta};

const DEFAULT_TXS_LIMIT: u64 = 10;
const MAX_TXS_LIMIT: u64 = 200;

impl Api {
    pub(super) fn send_transaction(&self, req: SendTransactionRequest) -> RpcResult {
        let text = req.transaction.ok_or_else(|| {
            invalid_params("transaction (base64 TransactionEnvelope XDR) is required")
        })?;
        let envelope: TransactionEnvelope =
            from_b64(&text).map_err(|e| invalid_params(format!("invalid_xdr: {e}")))?;
        let mut c = self.chain();
        let before = (c.latest().seq, c.latest().close_time);
        let submission = c.submit(envelope).map_err(internal)?;
        let (status, hash, error) = match submission {
            Submission::Pending { hash } => (SendStatus::Pending, hash, None),
            Submission::Duplicate { hash } => (SendStatus::Duplicate, hash, None),
            Submission::Error {
                hash,
                result,
                diagnostics,
            } => (
                SendStatus::Error,
                hash,
                Some((xdr_b64(&result), diagnostics.iter().map(xdr_b64).collect())),
            ),
        };
        let (error_result_xdr, diagnostic_events_xdr) = error.unzip();
        to_json(SendTransactionResponse {
            status,
            hash: hex::encode(hash),
            latest_ledger: before.0,
            latest_ledger_close_time: before.1.to_string(),
            error_result_xdr,
            diagnostic_events_xdr,
        })
    }

    pub(super) fn get_transaction(&self, req: GetTransactionRequest) -> RpcResult {
        let hash_text = req.hash.ok_or_else(|| invalid_params("hash is required"))?;
        let hash: [u8; 32] = hex::decode(&hash_text)
            .ok()
            .and_then(|b| b.try_into().ok())
            .ok_or_else(|| {
                invalid_params(format!("unexpected hash length ({})", hash_text.len()))
            })?;
        // Only the reads hold the chain; decoding and encoding the row does not.
        let (w, row) = {
            let c = self.chain();
            (window(&c)?, c.transaction(&hash).map_err(internal)?)
        };
        to_json(GetTransactionResponse {
            latest_ledger: w.latest,
            latest_ledger_close_time: w.latest_close_time.to_string(),
            oldest_ledger: w.oldest,
            oldest_ledger_close_time: w.oldest_close_time.to_string(),
            tx_hash: hash_text.to_lowercase(),
            status: row.as_ref().map_or(TransactionStatus::NotFound, status),
            transaction: row.map(|r| FoundTransaction {
                created_at: r.close_time.to_string(),
                details: details(&r),
            }),
        })
    }

    pub(super) fn get_transactions(&self, req: GetTransactionsRequest) -> RpcResult {
        let c = self.chain();
        let pagination = req.pagination.unwrap_or_default();
        let limit = pagination.limit.map_or(DEFAULT_TXS_LIMIT, |l| l.0);
        if limit == 0 || limit > MAX_TXS_LIMIT {
            return Err(invalid_params(format!(
                "limit must be between 1 and {MAX_TXS_LIMIT}"
            )));
        }
        let cursor = match &pagination.cursor {
            Some(text) => Some(text.number().ok_or_else(|| {
                invalid_params(format!("invalid cursor {:?}: a TOID is a number", text.0))
            })?),
            None => None,
        };
        let (ledger, order) = match (cursor, start_ledger(req.start_ledger)) {
            (Some(_), Some(_)) => {
                return Err(invalid_params("startLedger and cursor cannot both be set"))
            }
            (Some(cursor), _) => {
                let ledger = (cursor >> 32) as u32;
                // stellar-rpc reads the cursor's ledger first, so a pruned one is an error.
                if ledger < c.oldest_ledger() {
                    return Err(invalid_params(format!(
                        "database does not contain metadata for ledger: {ledger}"
                    )));
                }
                (ledger, ((cursor >> 12) & 0xFFFFF) as u32 + 1)
            }
            (None, Some(start))
                if start < c.oldest_ledger() as u64 || start > c.latest().seq as u64 =>
            {
                return Err(start_out_of_range(start, &c))
            }
            (None, Some(start)) => (start as u32, 1),
            (None, None) => {
                return Err(invalid_params(
                    "startLedger or pagination.cursor is required",
                ))
            }
        };
        let rows = c
            .transactions_from(ledger, order, limit as u32)
            .map_err(internal)?;
        let w = window(&c)?;
        drop(c);
        let cursor = rows
            .last()
            .map(|r| toid(r.ledger, r.application_order, 0))
            .unwrap_or(toid(ledger, order.saturating_sub(1), 0));
        let transactions = rows
            .iter()
            .map(|r| TransactionInfo {
                status: status(r),
                details: details(r),
                tx_hash: hex::encode(r.hash),
                created_at: r.close_time,
            })
            .collect();
        to_json(GetTransactionsResponse {
            transactions,
            latest_ledger: w.latest,
            latest_ledger_close_timestamp: w.latest_close_time,
            oldest_ledger: w.oldest,
            oldest_ledger_close_timestamp: w.oldest_close_time,
            cursor: cursor.to_string(),
        })
    }
}

fn status(r: &TxRow) -> TransactionStatus {
    if r.successful {
        TransactionStatus::Success
    } else {
        TransactionStatus::Failed
    }
}

/// A stored transaction as the RPC shows it, events split out of the meta as rpc does.
fn details(r: &TxRow) -> TransactionDetails {
    let (transaction_events_xdr, contract_events_xdr) =
        match TransactionMeta::from_xdr(&r.meta, Limits::none()) {
            Ok(TransactionMeta::V4(m)) => (
                m.events.iter().map(xdr_b64).collect(),
                m.operations
                    .iter()
                    .map(|op| op.events.iter().map(xdr_b64).collect())
                    .collect(),
            ),
            _ => (vec![], vec![]),
        };
    TransactionDetails {
        application_order: r.application_order,
        fee_bump: r.fee_bump,
        envelope_xdr: b64(&r.envelope),
        result_xdr: b64(&r.result),
        result_meta_xdr: b64(&r.meta),
        diagnostic_events_xdr: r.diagnostic_events.iter().map(|d| b64(d)).collect(),
        events: TransactionEvents {
            transaction_events_xdr,
            contract_events_xdr,
        },
        ledger: r.ledger,
    }
}
