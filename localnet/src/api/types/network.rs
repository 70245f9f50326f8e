//! getHealth, getNetwork, getVersionInfo, getLatestLedger, getFeeStats, and localnet's
//! own `localnet_advanceTime`.

use super::Uint;
use serde::{Deserialize, Serialize};

#[derive(Serialize, Debug)]
#[serde(rename_all = "camelCase")]
pub struct GetHealthResponse {
    pub status: &'static str,
    pub latest_ledger: u32,
    pub latest_ledger_close_time: u64,
    pub oldest_ledger: u32,
    pub oldest_ledger_close_time: u64,
    pub ledger_retention_window: u32,
}

/// Also how fork mode reads its upstream's network.
#[derive(Serialize, Deserialize, Debug)]
#[serde(rename_all = "camelCase")]
pub struct GetNetworkResponse {
    /// Networks without a friendbot (mainnet) leave it out.
    #[serde(default)]
    pub friendbot_url: String,
    pub passphrase: String,
    pub protocol_version: u32,
}

#[derive(Serialize, Debug)]
#[serde(rename_all = "camelCase")]
pub struct GetVersionInfoResponse {
    pub version: String,
    pub commit_hash: String,
    pub build_timestamp: String,
    pub captive_core_version: String,
    pub protocol_version: u32,
}

/// Also how fork mode reads its upstream's tip (which must carry `headerXdr`).
#[derive(Serialize, Deserialize, Debug)]
#[serde(rename_all = "camelCase")]
pub struct GetLatestLedgerResponse {
    pub id: String,
    pub protocol_version: u32,
    pub sequence: u32,
    /// Unix seconds, as a string (as stellar-rpc writes it).
    #[serde(default)]
    pub close_time: String,
    pub header_xdr: String,
    #[serde(default)]
    pub metadata_xdr: String,
}

/// Inclusion-fee bids per operation: every figure a decimal string but the ledger count.
#[derive(Serialize, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct FeeDistribution {
    pub max: String,
    pub min: String,
    pub mode: String,
    pub p10: String,
    pub p20: String,
    pub p30: String,
    pub p40: String,
    pub p50: String,
    pub p60: String,
    pub p70: String,
    pub p80: String,
    pub p90: String,
    pub p95: String,
    pub p99: String,
    pub transaction_count: String,
    pub ledger_count: u32,
}

#[derive(Serialize, Debug)]
#[serde(rename_all = "camelCase")]
pub struct GetFeeStatsResponse {
    pub soroban_inclusion_fee: FeeDistribution,
    pub inclusion_fee: FeeDistribution,
    pub latest_ledger: u32,
}

/// Non-standard: `{ seconds }` to move ledger time forward.
#[derive(Deserialize, Debug)]
pub struct AdvanceTimeRequest {
    pub seconds: Option<Uint>,
}

#[derive(Serialize, Debug)]
#[serde(rename_all = "camelCase")]
pub struct AdvanceTimeResponse {
    pub sequence: u32,
    pub close_time: String,
}
