//! The JSON-RPC methods. One type, `Api`, answers every method with the shapes
//! stellar-rpc returns; the handlers are grouped by what they read.

pub mod dev;
mod encoding;
mod events;
mod ledgers;
mod simulate;
mod transactions;
pub mod types;

pub use encoding::{account_strkey, contract_strkey, parse_account, parse_contract, rfc3339};

use crate::backend::Chain;
use serde_json::{json, Value};
use soroban_env_host::xdr::ReadXdr;
use std::sync::{Arc, Mutex, MutexGuard};

/// Version reported by getVersionInfo.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Every error an RPC call answers with. Its JSON-RPC code is decided here, in
/// `code`, and nowhere else.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiError {
    /// Well-formed but not servable here: stellar-rpc's -32600 for a start ledger
    /// outside the history kept, and for a request that is not one.
    InvalidRequest(String),
    MethodNotFound(String),
    /// Params that do not parse or break a limit.
    InvalidParams(String),
    Internal(String),
}

impl ApiError {
    pub fn code(&self) -> i64 {
        match self {
            ApiError::InvalidRequest(_) => INVALID_REQUEST,
            ApiError::MethodNotFound(_) => METHOD_NOT_FOUND,
            ApiError::InvalidParams(_) => INVALID_PARAMS,
            ApiError::Internal(_) => INTERNAL_ERROR,
        }
    }

    pub fn message(&self) -> &str {
        match self {
            ApiError::InvalidRequest(m)
            | ApiError::MethodNotFound(m)
            | ApiError::InvalidParams(m)
            | ApiError::Internal(m) => m,
        }
    }
}

pub const INVALID_REQUEST: i64 = -32600;
pub const METHOD_NOT_FOUND: i64 = -32601;
pub const INVALID_PARAMS: i64 = -32602;
pub const INTERNAL_ERROR: i64 = -32603;

pub fn invalid_params(msg: impl Into<String>) -> ApiError {
    ApiError::InvalidParams(msg.into())
}

pub fn invalid_request(msg: impl Into<String>) -> ApiError {
    ApiError::InvalidRequest(msg.into())
}

/// stellar-rpc's answer to a getLedgers/getTransactions start outside the history kept.
pub fn start_out_of_range(start: u64, c: &Chain) -> ApiError {
    invalid_request(format!(
        "start ledger ({start}) must be between the oldest ledger: {} and the latest ledger: {} for this rpc instance",
        c.oldest_ledger, c.latest.seq
    ))
}

pub fn internal(e: impl std::fmt::Display) -> ApiError {
    ApiError::Internal(e.to_string())
}

pub type RpcResult = Result<Value, ApiError>;

#[derive(Clone)]
pub struct Api {
    pub chain: Arc<Mutex<Chain>>,
    pub rpc_url: String,
    pub friendbot_url: String,
}

impl Api {
    /// The chain, even if a panic elsewhere poisoned the lock: the state is only ever
    /// changed after a successful store commit, so it is still consistent.
    pub fn chain(&self) -> MutexGuard<'_, Chain> {
        self.chain.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Answers one method call. `params` is `null` when the request had none.
    pub fn call(&self, method: &str, params: &Value) -> RpcResult {
        let empty = json!({});
        let params = if params.is_null() { &empty } else { params };
        if !params.is_object() {
            return Err(invalid_params("params must be an object"));
        }
        match method {
            "getHealth" => self.get_health(),
            "getNetwork" => self.get_network(),
            "getVersionInfo" => self.get_version_info(),
            "getLatestLedger" => self.get_latest_ledger(),
            "getFeeStats" => self.get_fee_stats(),
            "getLedgerEntries" => self.get_ledger_entries(params),
            "getLedgers" => self.get_ledgers(params),
            "simulateTransaction" => self.simulate_transaction(params),
            "sendTransaction" => self.send_transaction(params),
            "getTransaction" => self.get_transaction(params),
            "getTransactions" => self.get_transactions(params),
            "getEvents" => self.get_events(params),
            "localnet_advanceTime" => self.advance_time(params),
            _ => Err(ApiError::MethodNotFound(format!(
                "method not found: {method}"
            ))),
        }
    }

    fn get_health(&self) -> RpcResult {
        let c = self.chain();
        let w = window(&c)?;
        to_json(types::GetHealthResponse {
            status: "healthy",
            latest_ledger: w.latest,
            latest_ledger_close_time: w.latest_close_time,
            oldest_ledger: w.oldest,
            oldest_ledger_close_time: w.oldest_close_time,
            // The configured window, as stellar-rpc reports it; without one, all history.
            ledger_retention_window: c.retention_window.unwrap_or(w.latest - w.oldest + 1),
        })
    }

    fn get_network(&self) -> RpcResult {
        let c = self.chain();
        to_json(types::GetNetworkResponse {
            friendbot_url: self.friendbot_url.clone(),
            passphrase: c.passphrase.clone(),
            protocol_version: c.header.ledger_version,
        })
    }

    fn get_version_info(&self) -> RpcResult {
        let c = self.chain();
        to_json(types::GetVersionInfoResponse {
            version: format!("localnet {VERSION}"),
            commit_hash: String::new(),
            build_timestamp: String::new(),
            captive_core_version: format!("localnet {VERSION} (soroban-env-host 28.0.2)"),
            protocol_version: c.header.ledger_version,
        })
    }

    /// Inclusion-fee bids (per operation) of the transactions in the last 50 ledgers,
    /// Soroban and classic apart, as stellar-rpc reports them. An empty window reports
    /// the base fee.
    fn get_fee_stats(&self) -> RpcResult {
        const WINDOW: u32 = 50;
        let c = self.chain();
        let from = c.latest.seq.saturating_sub(WINDOW - 1).max(c.oldest_ledger);
        let rows = c.store.txs_from(from, 1, 20_000).map_err(internal)?;
        let (mut soroban, mut classic) = (vec![], vec![]);
        for r in rows {
            let Ok(env) = soroban_env_host::xdr::TransactionEnvelope::from_xdr(
                &r.envelope,
                soroban_env_host::xdr::Limits::none(),
            ) else {
                continue;
            };
            let Ok(frame) = crate::backend::validation::TxFrame::parse(env, c.network_id) else {
                continue;
            };
            let ops = frame.tx.operations.len() as i64 + i64::from(frame.fee_bump.is_some());
            let bid = (frame.full_fee() - frame.resource_fee()) / ops.max(1);
            if frame.is_soroban() {
                soroban.push(bid)
            } else {
                classic.push(bid)
            }
        }
        let ledgers = c.latest.seq - from + 1;
        Ok(json!({
            "sorobanInclusionFee": fee_distribution(soroban, c.header.base_fee as i64, ledgers),
            "inclusionFee": fee_distribution(classic, c.header.base_fee as i64, ledgers),
            "latestLedger": c.latest.seq,
        }))
    }

    /// Non-standard: `{ seconds }` moves ledger time forward and closes a ledger at it.
    fn advance_time(&self, params: &Value) -> RpcResult {
        let seconds = encoding::get_u64(params, "seconds")
            .ok_or_else(|| invalid_params("seconds (a non-negative integer) is required"))?;
        if seconds > 100 * 365 * 86_400 {
            return Err(invalid_params("seconds is more than a century"));
        }
        let mut c = self.chain();
        c.advance_time(seconds).map_err(internal)?;
        Ok(json!({
            "sequence": c.latest.seq,
            "closeTime": c.latest.close_time.to_string(),
        }))
    }
}

/// The oldest and latest ledgers held, with their close times.
pub fn window(c: &Chain) -> Result<types::LedgerWindow, ApiError> {
    let oldest_close_time = c
        .store
        .ledger_close_time(c.oldest_ledger)
        .map_err(internal)?
        .unwrap_or(0);
    Ok(types::LedgerWindow {
        latest: c.latest.seq,
        latest_close_time: c.latest.close_time,
        oldest: c.oldest_ledger,
        oldest_close_time,
    })
}

pub fn to_json(v: impl serde::Serialize) -> RpcResult {
    serde_json::to_value(v).map_err(internal)
}

/// min, max, mode and percentiles (nearest rank) of fee bids, all as strings.
fn fee_distribution(mut bids: Vec<i64>, base_fee: i64, ledger_count: u32) -> Value {
    let count = bids.len();
    if bids.is_empty() {
        bids.push(base_fee);
    }
    bids.sort_unstable();
    let pct =
        |p: usize| bids[((bids.len() * p).div_ceil(100)).clamp(1, bids.len()) - 1].to_string();
    let mut mode = (bids[0], 0usize);
    let mut run = (bids[0], 0usize);
    for &b in &bids {
        run = if b == run.0 { (b, run.1 + 1) } else { (b, 1) };
        if run.1 > mode.1 {
            mode = run;
        }
    }
    json!({
        "max": bids[bids.len() - 1].to_string(),
        "min": bids[0].to_string(),
        "mode": mode.0.to_string(),
        "p10": pct(10), "p20": pct(20), "p30": pct(30), "p40": pct(40), "p50": pct(50),
        "p60": pct(60), "p70": pct(70), "p80": pct(80), "p90": pct(90), "p95": pct(95), "p99": pct(99),
        "transactionCount": count.to_string(),
        "ledgerCount": ledger_count,
    })
}
