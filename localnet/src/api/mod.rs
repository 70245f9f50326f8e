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

use crate::backend::{Chain, HistoryWindow};
use serde::Deserialize;
use serde_json::Value;
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
        c.oldest_ledger(),
        c.latest().seq
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
    /// An `Api` over `chain` that names `base_url` (`http://host:port`) as its node's
    /// address in getNetwork and `/localnet`.
    pub fn new(chain: Chain, base_url: &str) -> Api {
        Api {
            chain: Arc::new(Mutex::new(chain)),
            rpc_url: format!("{base_url}/rpc"),
            friendbot_url: format!("{base_url}/friendbot"),
        }
    }

    /// The chain, even if a panic elsewhere poisoned the lock: the state is only ever
    /// changed after a successful store commit, so it is still consistent.
    pub fn chain(&self) -> MutexGuard<'_, Chain> {
        self.chain.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Answers one method call. `params` is `null` when the request had none.
    pub fn call(&self, method: &str, params: &Value) -> RpcResult {
        let empty = Value::Object(Default::default());
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
            "getLedgerEntries" => self.get_ledger_entries(parse(params)?),
            "getLedgers" => self.get_ledgers(parse(params)?),
            "simulateTransaction" => self.simulate_transaction(parse(params)?),
            "sendTransaction" => self.send_transaction(parse(params)?),
            "getTransaction" => self.get_transaction(parse(params)?),
            "getTransactions" => self.get_transactions(parse(params)?),
            "getEvents" => self.get_events(parse(params)?),
            "localnet_advanceTime" => self.advance_time(parse(params)?),
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
            ledger_retention_window: c.retention_window().unwrap_or(w.latest - w.oldest + 1),
        })
    }

    fn get_network(&self) -> RpcResult {
        let c = self.chain();
        to_json(types::GetNetworkResponse {
            friendbot_url: self.friendbot_url.clone(),
            passphrase: c.passphrase().to_string(),
            protocol_version: c.protocol_version(),
        })
    }

    fn get_version_info(&self) -> RpcResult {
        let c = self.chain();
        to_json(types::GetVersionInfoResponse {
            version: format!("localnet {VERSION}"),
            commit_hash: String::new(),
            build_timestamp: String::new(),
            captive_core_version: format!("localnet {VERSION} (soroban-env-host 28.0.2)"),
            protocol_version: c.protocol_version(),
        })
    }

    /// Inclusion-fee bids (per operation) of the transactions in the last 50 ledgers,
    /// Soroban and classic apart, as stellar-rpc reports them. An empty window reports
    /// the base fee.
    fn get_fee_stats(&self) -> RpcResult {
        const WINDOW: u32 = 50;
        let c = self.chain();
        let bids = c.fee_bids(WINDOW).map_err(internal)?;
        let base_fee = c.base_fee() as i64;
        to_json(types::GetFeeStatsResponse {
            soroban_inclusion_fee: fee_distribution(bids.soroban, base_fee, bids.ledgers),
            inclusion_fee: fee_distribution(bids.classic, base_fee, bids.ledgers),
            latest_ledger: c.latest().seq,
        })
    }

    /// Non-standard: `{ seconds }` moves ledger time forward and closes a ledger at it.
    fn advance_time(&self, req: types::AdvanceTimeRequest) -> RpcResult {
        let seconds = req
            .seconds
            .ok_or_else(|| invalid_params("seconds (a non-negative integer) is required"))?
            .0;
        if seconds > 100 * 365 * 86_400 {
            return Err(invalid_params("seconds is more than a century"));
        }
        let mut c = self.chain();
        c.advance_time(seconds).map_err(internal)?;
        to_json(types::AdvanceTimeResponse {
            sequence: c.latest().seq,
            close_time: c.latest().close_time.to_string(),
        })
    }
}

/// The oldest and latest ledgers held, with their close times.
pub fn window(c: &Chain) -> Result<HistoryWindow, ApiError> {
    c.history_window().map_err(internal)
}

pub fn to_json(v: impl serde::Serialize) -> RpcResult {
    serde_json::to_value(v).map_err(internal)
}

/// Reads a method's params into its request type; a field of the wrong type is
/// invalid params, with serde's sentence saying which.
fn parse<'a, T: Deserialize<'a>>(params: &'a Value) -> Result<T, ApiError> {
    T::deserialize(params).map_err(|e| invalid_params(format!("invalid params: {e}")))
}

/// min, max, mode and percentiles (nearest rank) of fee bids, all as strings.
fn fee_distribution(
    mut bids: Vec<i64>,
    base_fee: i64,
    ledger_count: u32,
) -> types::FeeDistribution {
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
    types::FeeDistribution {
        max: bids[bids.len() - 1].to_string(),
        min: bids[0].to_string(),
        mode: mode.0.to_string(),
        p10: pct(10),
        p20: pct(20),
        p30: pct(30),
        p40: pct(40),
        p50: pct(50),
        p60: pct(60),
        p70: pct(70),
        p80: pct(80),
        p90: pct(90),
        p95: pct(95),
        p99: pct(99),
        transaction_count: count.to_string(),
        ledger_count,
    }
}

#[cfg(test)]
mod tests {
    use super::fee_distribution;

    #[test]
    fn fee_distribution_ranks_bids() {
        let d = fee_distribution((1..=10).map(|b| b * 100).collect(), 100, 3);
        assert_eq!((d.min.as_str(), d.max.as_str()), ("100", "1000"));
        assert_eq!(
            (d.p10.as_str(), d.p50.as_str(), d.p99.as_str()),
            ("100", "500", "1000")
        );
        assert_eq!((d.transaction_count.as_str(), d.ledger_count), ("10", 3));
        let mode = fee_distribution(vec![300, 200, 300, 100], 100, 1).mode;
        assert_eq!(mode, "300");
    }

    #[test]
    fn no_bids_report_the_base_fee() {
        let d = fee_distribution(vec![], 100, 50);
        assert_eq!((d.min.as_str(), d.p90.as_str()), ("100", "100"));
        assert_eq!(d.transaction_count, "0");
    }
}
