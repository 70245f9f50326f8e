//! Ledger reads: getLatestLedger, getLedgers, getLedgerEntries.

use super::encoding::{b64, from_b64, get_u64, xdr_b64};
use super::types::GetLatestLedgerResponse;
use super::{internal, invalid_params, start_out_of_range, to_json, Api, RpcResult};
use crate::backend::state::{self, key_bytes, liveness, Liveness};
use serde_json::{json, Value};
use soroban_env_host::xdr::{LedgerHeaderHistoryEntry, LedgerKey, Limits, ReadXdr};

const MAX_LEDGER_ENTRY_KEYS: usize = 200;
const DEFAULT_LEDGERS_LIMIT: u64 = 5;
const MAX_LEDGERS_LIMIT: u64 = 200;

impl Api {
    pub(super) fn get_latest_ledger(&self) -> RpcResult {
        let c = self.chain();
        let l = &c.latest;
        let history =
            LedgerHeaderHistoryEntry::from_xdr(&l.header, Limits::none()).map_err(internal)?;
        to_json(GetLatestLedgerResponse {
            id: hex::encode(l.hash),
            protocol_version: c.header.ledger_version,
            sequence: l.seq,
            close_time: l.close_time.to_string(),
            header_xdr: xdr_b64(&history.header),
            metadata_xdr: b64(&l.meta),
        })
    }

    pub(super) fn get_ledgers(&self, params: &Value) -> RpcResult {
        let c = self.chain();
        let pagination = params.get("pagination").cloned().unwrap_or(Value::Null);
        let limit = get_u64(&pagination, "limit").unwrap_or(DEFAULT_LEDGERS_LIMIT);
        if limit == 0 || limit > MAX_LEDGERS_LIMIT {
            return Err(invalid_params(format!(
                "limit must be between 1 and {MAX_LEDGERS_LIMIT}"
            )));
        }
        let (oldest, latest) = (c.oldest_ledger as u64, c.latest.seq as u64);
        let start = match (
            get_u64(&pagination, "cursor"),
            get_u64(params, "startLedger").filter(|s| *s != 0),
        ) {
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
            .store
            .ledgers_from(start as u32, limit as u32)
            .map_err(internal)?;
        let cursor = rows.last().map(|r| r.seq).unwrap_or(start as u32);
        let ledgers: Vec<Value> = rows
            .iter()
            .map(|r| {
                json!({
                    "hash": hex::encode(r.hash),
                    "sequence": r.seq,
                    "ledgerCloseTime": r.close_time.to_string(),
                    "headerXdr": b64(&r.header),
                    "metadataXdr": b64(&r.meta),
                })
            })
            .collect();
        let oldest_time = c
            .store
            .ledger_close_time(c.oldest_ledger)
            .map_err(internal)?
            .unwrap_or(0);
        Ok(json!({
            "ledgers": ledgers,
            "latestLedger": c.latest.seq,
            "latestLedgerCloseTime": c.latest.close_time.to_string(),
            "oldestLedger": c.oldest_ledger,
            "oldestLedgerCloseTime": oldest_time.to_string(),
            "cursor": cursor.to_string(),
        }))
    }

    pub(super) fn get_ledger_entries(&self, params: &Value) -> RpcResult {
        let keys = params
            .get("keys")
            .and_then(|k| k.as_array())
            .ok_or_else(|| invalid_params("keys (an array of base64 LedgerKey XDR) is required"))?;
        if keys.is_empty() || keys.len() > MAX_LEDGER_ENTRY_KEYS {
            return Err(invalid_params(format!(
                "keys must hold between 1 and {MAX_LEDGER_ENTRY_KEYS} keys"
            )));
        }
        let mut parsed = vec![];
        for k in keys {
            let s = k
                .as_str()
                .ok_or_else(|| invalid_params("every key must be a base64 string"))?;
            let key: LedgerKey = from_b64(s)
                .map_err(|e| invalid_params(format!("cannot unmarshal key value {s}: {e}")))?;
            parsed.push((s.to_string(), key));
        }
        let c = self.chain();
        let seq = c.latest.seq;
        // A fork fetches what it does not hold in one batch.
        c.state
            .prefetch(&parsed.iter().map(|(_, k)| k.clone()).collect::<Vec<_>>());
        let mut entries = vec![];
        for (text, key) in parsed {
            let found = match &key {
                LedgerKey::Ttl(t) => c.state.get_ttl(&t.key_hash.0).map(|(e, _)| (e, None)),
                _ => {
                    // Temporary entries past their TTL are gone; archived persistent ones
                    // are still returned (with their past liveUntilLedgerSeq), as rpc does.
                    let stored = c.state.lookup(&key_bytes(&key));
                    match liveness(stored.as_ref(), &key, seq) {
                        Liveness::Missing => None,
                        Liveness::Live(s) | Liveness::Archived(s) => Some((s.entry, s.live_until)),
                    }
                }
            };
            let Some((entry, live_until)) = found else {
                continue;
            };
            let mut e = json!({
                "key": text,
                "xdr": xdr_b64(&entry.data),
                "lastModifiedLedgerSeq": entry.last_modified_ledger_seq,
            });
            if let Some(l) = live_until {
                e["liveUntilLedgerSeq"] = json!(l);
            }
            e["extXdr"] = json!(xdr_b64(&entry.ext));
            entries.push(e);
        }
        let _ = state::durability;
        Ok(json!({ "entries": entries, "latestLedger": seq }))
    }
}
