//! Transactions: sendTransaction, getTransaction, getTransactions.

use super::encoding::{b64, from_b64, get_u64, toid, xdr_b64};
use super::types::{SendStatus, SendTransactionResponse};
use super::{internal, invalid_params, start_out_of_range, to_json, window, Api, RpcResult};
use crate::backend::store::TxRow;
use crate::backend::Submission;
use serde_json::{json, Value};
use soroban_env_host::xdr::{Limits, ReadXdr, TransactionEnvelope, TransactionMeta};

const DEFAULT_TXS_LIMIT: u64 = 10;
const MAX_TXS_LIMIT: u64 = 200;

impl Api {
    pub(super) fn send_transaction(&self, params: &Value) -> RpcResult {
        let text = params
            .get("transaction")
            .and_then(|t| t.as_str())
            .ok_or_else(|| {
                invalid_params("transaction (base64 TransactionEnvelope XDR) is required")
            })?;
        let envelope: TransactionEnvelope =
            from_b64(text).map_err(|e| invalid_params(format!("invalid_xdr: {e}")))?;
        let mut c = self.chain();
        let before = (c.latest.seq, c.latest.close_time);
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

    pub(super) fn get_transaction(&self, params: &Value) -> RpcResult {
        let hash_text = params
            .get("hash")
            .and_then(|h| h.as_str())
            .ok_or_else(|| invalid_params("hash is required"))?;
        let hash: [u8; 32] = hex::decode(hash_text)
            .ok()
            .and_then(|b| b.try_into().ok())
            .ok_or_else(|| {
                invalid_params(format!("unexpected hash length ({})", hash_text.len()))
            })?;
        let c = self.chain();
        let w = window(&c)?;
        let mut out = json!({
            "latestLedger": w.latest,
            "latestLedgerCloseTime": w.latest_close_time.to_string(),
            "oldestLedger": w.oldest,
            "oldestLedgerCloseTime": w.oldest_close_time.to_string(),
        });
        out["txHash"] = json!(hash_text.to_lowercase());
        match c.store.get_tx(&hash).map_err(internal)? {
            None => out["status"] = json!("NOT_FOUND"),
            Some(row) => {
                for (k, v) in tx_fields(&row).as_object().expect("object") {
                    out[k] = v.clone();
                }
                out["createdAt"] = json!(row.close_time.to_string());
            }
        }
        Ok(out)
    }

    pub(super) fn get_transactions(&self, params: &Value) -> RpcResult {
        let c = self.chain();
        let pagination = params.get("pagination").cloned().unwrap_or(Value::Null);
        let limit = get_u64(&pagination, "limit").unwrap_or(DEFAULT_TXS_LIMIT);
        if limit == 0 || limit > MAX_TXS_LIMIT {
            return Err(invalid_params(format!(
                "limit must be between 1 and {MAX_TXS_LIMIT}"
            )));
        }
        let (ledger, order) = match (
            get_u64(&pagination, "cursor"),
            get_u64(params, "startLedger").filter(|s| *s != 0),
        ) {
            (Some(_), Some(_)) => {
                return Err(invalid_params("startLedger and cursor cannot both be set"))
            }
            (Some(cursor), _) => {
                let ledger = (cursor >> 32) as u32;
                // stellar-rpc reads the cursor's ledger first, so a pruned one is an error.
                if ledger < c.oldest_ledger {
                    return Err(invalid_params(format!(
                        "database does not contain metadata for ledger: {ledger}"
                    )));
                }
                (ledger, ((cursor >> 12) & 0xFFFFF) as u32 + 1)
            }
            (None, Some(start))
                if start < c.oldest_ledger as u64 || start > c.latest.seq as u64 =>
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
            .store
            .txs_from(ledger, order, limit as u32)
            .map_err(internal)?;
        let cursor = rows
            .last()
            .map(|r| toid(r.ledger, r.application_order, 0))
            .unwrap_or(toid(ledger, order.saturating_sub(1), 0));
        let txs: Vec<Value> = rows
            .iter()
            .map(|r| {
                let mut v = tx_fields(r);
                v["txHash"] = json!(hex::encode(r.hash));
                v["createdAt"] = json!(r.close_time);
                v
            })
            .collect();
        let w = window(&c)?;
        Ok(json!({
            "transactions": txs,
            "latestLedger": w.latest,
            "latestLedgerCloseTimestamp": w.latest_close_time,
            "oldestLedger": w.oldest,
            "oldestLedgerCloseTimestamp": w.oldest_close_time,
            "cursor": cursor.to_string(),
        }))
    }
}

/// The fields of a stored transaction, events split out of the meta as rpc does.
fn tx_fields(r: &TxRow) -> Value {
    let (tx_events, contract_events) = match TransactionMeta::from_xdr(&r.meta, Limits::none()) {
        Ok(TransactionMeta::V4(m)) => (
            m.events.iter().map(xdr_b64).collect::<Vec<_>>(),
            m.operations
                .iter()
                .map(|op| op.events.iter().map(xdr_b64).collect::<Vec<_>>())
                .collect::<Vec<_>>(),
        ),
        _ => (vec![], vec![]),
    };
    json!({
        "status": if r.successful { "SUCCESS" } else { "FAILED" },
        "applicationOrder": r.application_order,
        "feeBump": r.fee_bump,
        "envelopeXdr": b64(&r.envelope),
        "resultXdr": b64(&r.result),
        "resultMetaXdr": b64(&r.meta),
        "diagnosticEventsXdr": r.diagnostic_events.iter().map(|d| b64(d)).collect::<Vec<_>>(),
        "events": { "transactionEventsXdr": tx_events, "contractEventsXdr": contract_events },
        "ledger": r.ledger,
    })
}
