//! Typed answers, named as stellar-rpc's protocol names them; serde writes the JSON.
//! (The other methods still build their answers with `json!`; they move here next.)

use serde::Serialize;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GetHealthResponse {
    pub status: &'static str,
    pub latest_ledger: u32,
    pub latest_ledger_close_time: u64,
    pub oldest_ledger: u32,
    pub oldest_ledger_close_time: u64,
    pub ledger_retention_window: u32,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GetNetworkResponse {
    pub friendbot_url: String,
    pub passphrase: String,
    pub protocol_version: u32,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GetVersionInfoResponse {
    pub version: String,
    pub commit_hash: String,
    pub build_timestamp: String,
    pub captive_core_version: String,
    pub protocol_version: u32,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GetLatestLedgerResponse {
    pub id: String,
    pub protocol_version: u32,
    pub sequence: u32,
    /// Unix seconds, as a string (as stellar-rpc writes it).
    pub close_time: String,
    pub header_xdr: String,
    pub metadata_xdr: String,
}

#[derive(Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum SendStatus {
    Pending,
    Duplicate,
    Error,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SendTransactionResponse {
    pub status: SendStatus,
    pub hash: String,
    pub latest_ledger: u32,
    pub latest_ledger_close_time: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error_result_xdr: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub diagnostic_events_xdr: Option<Vec<String>>,
}

/// The history window every transaction answer carries.
#[derive(Clone, Copy)]
pub struct LedgerWindow {
    pub latest: u32,
    pub latest_close_time: u64,
    pub oldest: u32,
    pub oldest_close_time: u64,
}
