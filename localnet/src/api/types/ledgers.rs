//! getLedgers and getLedgerEntries.

use super::{Pagination, Uint};
use serde::{Deserialize, Serialize};

#[derive(Deserialize, Debug)]
#[serde(rename_all = "camelCase")]
pub struct GetLedgersRequest {
    pub start_ledger: Option<Uint>,
    #[serde(default)]
    pub pagination: Option<Pagination>,
}

#[derive(Serialize, Debug)]
#[serde(rename_all = "camelCase")]
pub struct LedgerInfo {
    pub hash: String,
    pub sequence: u32,
    /// Unix seconds, as a string.
    pub ledger_close_time: String,
    pub header_xdr: String,
    pub metadata_xdr: String,
}

#[derive(Serialize, Debug)]
#[serde(rename_all = "camelCase")]
pub struct GetLedgersResponse {
    pub ledgers: Vec<LedgerInfo>,
    pub latest_ledger: u32,
    pub latest_ledger_close_time: String,
    pub oldest_ledger: u32,
    pub oldest_ledger_close_time: String,
    pub cursor: String,
}

/// stellar-rpc's limit on keys per getLedgerEntries call.
pub const MAX_LEDGER_ENTRY_KEYS: usize = 200;

/// Also what fork mode sends its upstream.
#[derive(Serialize, Deserialize, Debug)]
pub struct GetLedgerEntriesRequest {
    /// Base64 `LedgerKey`s.
    pub keys: Option<Vec<String>>,
}

#[derive(Serialize, Deserialize, Debug)]
#[serde(rename_all = "camelCase")]
pub struct LedgerEntryResult {
    /// The key as the client sent it.
    pub key: String,
    /// Base64 `LedgerEntryData`.
    pub xdr: String,
    pub last_modified_ledger_seq: u32,
    /// Contract data and code only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub live_until_ledger_seq: Option<u32>,
    /// Base64 `LedgerEntryExt` (older stellar-rpc versions leave it out).
    #[serde(default)]
    pub ext_xdr: String,
}

/// Also how fork mode reads its upstream's answer.
#[derive(Serialize, Deserialize, Debug)]
#[serde(rename_all = "camelCase")]
pub struct GetLedgerEntriesResponse {
    pub entries: Vec<LedgerEntryResult>,
    pub latest_ledger: u32,
}
