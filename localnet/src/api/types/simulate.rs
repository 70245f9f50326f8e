//! simulateTransaction.

use super::Uint;
use serde::{Deserialize, Serialize};

#[derive(Deserialize, Debug)]
#[serde(rename_all = "camelCase")]
pub struct SimulateTransactionRequest {
    /// Base64 `TransactionEnvelope`.
    pub transaction: Option<String>,
    /// `enforce`, `record` or `record_allow_nonroot`; recording by default.
    pub auth_mode: Option<String>,
    /// Default true at protocol 28.
    pub use_upgraded_auth: Option<bool>,
    pub resource_config: Option<ResourceConfig>,
}

#[derive(Deserialize, Debug)]
#[serde(rename_all = "camelCase")]
pub struct ResourceConfig {
    pub instruction_leeway: Option<Uint>,
}

#[derive(Serialize, Debug)]
pub struct SimulateHostFunctionResult {
    /// Base64 `SorobanAuthorizationEntry`s.
    pub auth: Vec<String>,
    /// Base64 `ScVal` returned.
    pub xdr: String,
}

#[derive(Serialize, Debug, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum StateChangeType {
    Created,
    Updated,
    Deleted,
}

/// An entry the simulated call would change; `before`/`after` are null when absent.
#[derive(Serialize, Debug)]
pub struct LedgerEntryChange {
    #[serde(rename = "type")]
    pub kind: StateChangeType,
    pub key: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// A failed simulation has `error` and, at most, `events`; a successful one the rest.
#[derive(Serialize, Debug, Default)]
#[serde(rename_all = "camelCase")]
pub struct SimulateTransactionResponse {
    pub latest_ledger: u32,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transaction_data: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_resource_fee: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub results: Option<Vec<SimulateHostFunctionResult>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub state_changes: Vec<LedgerEntryChange>,
}
