//! sendTransaction, getTransaction and getTransactions.

use super::{Pagination, TransactionStatus, Uint};
use serde::{Deserialize, Serialize};

/// sendTransaction's and simulateTransaction's params: a base64 `TransactionEnvelope`.
#[derive(Deserialize, Debug)]
pub struct SendTransactionRequest {
    pub transaction: Option<String>,
}

#[derive(Serialize, Debug, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum SendStatus {
    Pending,
    Duplicate,
    Error,
}

#[derive(Serialize, Debug)]
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

#[derive(Deserialize, Debug)]
pub struct GetTransactionRequest {
    /// Hex transaction hash.
    pub hash: Option<String>,
}

/// Events split out of the meta, as stellar-rpc adds them to a transaction.
#[derive(Serialize, Debug)]
#[serde(rename_all = "camelCase")]
pub struct TransactionEvents {
    pub transaction_events_xdr: Vec<String>,
    /// One list per operation.
    pub contract_events_xdr: Vec<Vec<String>>,
}

/// What getTransaction and getTransactions both say about a stored transaction
/// (besides its status, hash and time).
#[derive(Serialize, Debug)]
#[serde(rename_all = "camelCase")]
pub struct TransactionDetails {
    pub application_order: u32,
    pub fee_bump: bool,
    pub envelope_xdr: String,
    pub result_xdr: String,
    pub result_meta_xdr: String,
    pub diagnostic_events_xdr: Vec<String>,
    pub events: TransactionEvents,
    pub ledger: u32,
}

/// A found transaction in getTransaction: `createdAt` is a string there.
#[derive(Serialize, Debug)]
#[serde(rename_all = "camelCase")]
pub struct FoundTransaction {
    #[serde(flatten)]
    pub details: TransactionDetails,
    pub created_at: String,
}

#[derive(Serialize, Debug)]
#[serde(rename_all = "camelCase")]
pub struct GetTransactionResponse {
    pub latest_ledger: u32,
    pub latest_ledger_close_time: String,
    pub oldest_ledger: u32,
    pub oldest_ledger_close_time: String,
    pub tx_hash: String,
    /// `NOT_FOUND` exactly when `transaction` is `None`.
    pub status: TransactionStatus,
    #[serde(flatten)]
    pub transaction: Option<FoundTransaction>,
}

#[derive(Deserialize, Debug)]
#[serde(rename_all = "camelCase")]
pub struct GetTransactionsRequest {
    pub start_ledger: Option<Uint>,
    #[serde(default)]
    pub pagination: Option<Pagination>,
}

/// One transaction of getTransactions: `createdAt` is a number there.
#[derive(Serialize, Debug)]
#[serde(rename_all = "camelCase")]
pub struct TransactionInfo {
    pub status: TransactionStatus,
    #[serde(flatten)]
    pub details: TransactionDetails,
    pub tx_hash: String,
    pub created_at: u64,
}

#[derive(Serialize, Debug)]
#[serde(rename_all = "camelCase")]
pub struct GetTransactionsResponse {
    pub transactions: Vec<TransactionInfo>,
    pub latest_ledger: u32,
    pub latest_ledger_close_timestamp: u64,
    pub oldest_ledger: u32,
    pub oldest_ledger_close_timestamp: u64,
    pub cursor: String,
}
