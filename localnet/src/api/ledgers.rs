//! Ledger reads: getLatestLedger, getLedgers, getLedgerEntries.

use super::encoding::{b64, from_b64, xdr_b64};
use super::types::{
    start_ledger, GetLatestLedgerResponse, GetLedgerEntriesRequest, GetLedgerEntriesResponse,
    GetLedgersRequest, GetLedgersResponse, LedgerEntryResult, LedgerInfo, MAX_LEDGER_ENTRY_KEYS,
};
use super::{internal, invalid_params, start_out_of_range, to_json, window, Api, RpcResult};
use soroban_env_host::xdr::{LedgerHeaderHistoryEntry, LedgerKey, Limits, ReadXdr};

const DEFAULT_LEDGERS_LIMIT: u64 = 5;
const MAX_LEDGERS_LIMIT: u64 = 200;

impl Api {
    pub(super) fn get_latest_ledger(&self) -> RpcResult {
        let c = self.chain();
        let l = c.latest();
        let history =
            LedgerHeaderHistoryEntry::from_xdr(&l.header, Limits::none()).map_err(internal)?;
        to_json(GetLatestLedgerResponse {
            id: hex::encode(l.hash),
            protocol_version: c.protocol_version(),
            sequence: l.seq,
            close_time: l.close_time.to_string(),
            header_xdr: xdr_b64(&history.header),
            metadata_xdr: b64(&l.meta),
        })
    }

    pub(super) fn get_ledgers(&self, req: GetLedgersRequest) -> RpcResult {
        let c = self.chain();
        let pagination = req.pagination.unwrap_or_default();
        let limit = pagination.limit.map_or(DEFAULT_LEDGERS_LIMIT, |l| l.0);
        if limit == 0 || limit > MAX_LEDGERS_LIMIT {
            return Err(invalid_params(format!(
                "limit must be between 1 and {MAX_LEDGERS_LIMIT}"
            )));
        }
        let (oldest, latest) = (c.oldest_ledger() as u64, c.latest().seq as u64);
        let cursor = match &pagination.cursor {
            Some(text) => Some(text.number().ok_or_else(|| {
                invalid_params(format!("invalid cursor {:?}: a ledger sequence", text.0))
            })?),
            None => None,
        };
        let start = match (cursor, start_ledger(req.start_ledger)) {
            (Some(_), Some(_)) => {
                return Err(invalid_params("startLedger and cursor cannot both be set"))
            }
            (Some(cursor), _) => {
                if cursor.saturating_add(1) < oldest || cursor.saturating_add(1) > latest {
                    return Err(invalid_params(format!(
                        "cursor ('{cursor}') must be between the oldest ledger: {oldest} and the latest ledger: {latest} for this rpc instance"
                    )));
                }
                cursor + 1
            }
            (None, Some(start)) if start < oldest || start > latest => {
                return Err(start_out_of_range(start, &c))
            }
            (None, Some(start)) => start,
            (None, None) => {
                return Err(invalid_params(
                    "startLedger or pagination.cursor is required",
                ))
            }
        };
        let rows = c
            .ledgers_from(start as u32, limit as u32)
            .map_err(internal)?;
        let cursor = rows.last().map(|r| r.seq).unwrap_or(start as u32);
        let ledgers = rows
            .iter()
            .map(|r| LedgerInfo {
                hash: hex::encode(r.hash),
                sequence: r.seq,
                ledger_close_time: r.close_time.to_string(),
                header_xdr: b64(&r.header),
                metadata_xdr: b64(&r.meta),
            })
            .collect();
        let w = window(&c)?;
        to_json(GetLedgersResponse {
            ledgers,
            latest_ledger: w.latest,
            latest_ledger_close_time: w.latest_close_time.to_string(),
            oldest_ledger: w.oldest,
            oldest_ledger_close_time: w.oldest_close_time.to_string(),
            cursor: cursor.to_string(),
        })
    }

    pub(super) fn get_ledger_entries(&self, req: GetLedgerEntriesRequest) -> RpcResult {
        let keys = req
            .keys
            .ok_or_else(|| invalid_params("keys (an array of base64 LedgerKey XDR) is required"))?;
        if keys.is_empty() || keys.len() > MAX_LEDGER_ENTRY_KEYS {
            return Err(invalid_params(format!(
                "keys must hold between 1 and {MAX_LEDGER_ENTRY_KEYS} keys"
            )));
        }
        let mut parsed = vec![];
        for text in &keys {
            let key: LedgerKey = from_b64(text)
                .map_err(|e| invalid_params(format!("cannot unmarshal key value {text}: {e}")))?;
            parsed.push(key);
        }
        let c = self.chain();
        let seq = c.latest().seq;
        let entries = keys
            .into_iter()
            .zip(c.ledger_entries(&parsed))
            .filter_map(|(key, found)| {
                let (entry, live_until) = found?;
                Some(LedgerEntryResult {
                    key,
                    xdr: xdr_b64(&entry.data),
                    last_modified_ledger_seq: entry.last_modified_ledger_seq,
                    live_until_ledger_seq: live_until,
                    ext_xdr: xdr_b64(&entry.ext),
                })
            })
            .collect();
        to_json(GetLedgerEntriesResponse {
            entries,
            latest_ledger: seq,
        })
    }
}
