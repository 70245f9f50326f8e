//! getEvents.

use super::{Pagination, Uint};
use serde::{Deserialize, Serialize};

#[derive(Deserialize, Debug)]
#[serde(rename_all = "camelCase")]
pub struct GetEventsRequest {
    pub start_ledger: Option<Uint>,
    pub end_ledger: Option<Uint>,
    pub filters: Option<Vec<EventFilter>>,
    pub pagination: Option<Pagination>,
}

/// One filter: an event matches when every given part matches.
#[derive(Deserialize, Debug)]
#[serde(rename_all = "camelCase")]
pub struct EventFilter {
    /// `contract`, `system` or `diagnostic`; any when absent or empty.
    #[serde(rename = "type")]
    pub kind: Option<String>,
    /// C… addresses.
    pub contract_ids: Option<Vec<String>>,
    /// Each a list of segments: base64 `ScVal`, `*` or a trailing `**`.
    pub topics: Option<Vec<Vec<String>>>,
}

#[derive(Serialize, Debug, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum EventType {
    Contract,
    System,
}

#[derive(Serialize, Debug)]
#[serde(rename_all = "camelCase")]
pub struct EventInfo {
    #[serde(rename = "type")]
    pub kind: EventType,
    pub ledger: u32,
    /// RFC 3339.
    pub ledger_closed_at: String,
    /// Empty for an event with no contract.
    pub contract_id: String,
    pub id: String,
    pub paging_token: String,
    pub operation_index: u32,
    pub transaction_index: u32,
    pub tx_hash: String,
    pub in_successful_contract_call: bool,
    /// Base64 `ScVal`s.
    pub topic: Vec<String>,
    pub value: String,
}

#[derive(Serialize, Debug)]
#[serde(rename_all = "camelCase")]
pub struct GetEventsResponse {
    pub events: Vec<EventInfo>,
    pub cursor: String,
    pub latest_ledger: u32,
    pub oldest_ledger: u32,
    pub latest_ledger_close_time: String,
    pub oldest_ledger_close_time: String,
}
