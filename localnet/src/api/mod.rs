//! The JSON-RPC methods. One type, `Api`, answers every method with the shapes
//! stellar-rpc returns; the handlers are grouped by what they read.

pub mod dev;
mod encoding;
mod events;
mod ledgers;
mod simulate;
mod transactions;

pub use encoding::{account_strkey, contract_strkey, parse_account, rfc3339};

use crate::backend::Chain;
use serde_json::{json, Value};
use std::sync::{Arc, Mutex, MutexGuard};

/// Version reported by getVersionInfo.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// A JSON-RPC error: code and message.
#[derive(Debug)]
pub struct RpcError {
    pub code: i64,
    pub message: String,
}

pub const INVALID_REQUEST: i64 = -32600;
pub const METHOD_NOT_FOUND: i64 = -32601;
pub const INVALID_PARAMS: i64 = -32602;
pub const INTERNAL_ERROR: i64 = -32603;

pub fn invalid_params(msg: impl Into<String>) -> RpcError {
    RpcError { code: INVALID_PARAMS, message: msg.into() }
}

pub fn internal(e: impl std::fmt::Display) -> RpcError {
    RpcError { code: INTERNAL_ERROR, message: e.to_string() }
}

pub type RpcResult = Result<Value, RpcError>;

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
            _ => Err(RpcError { code: METHOD_NOT_FOUND, message: format!("method not found: {method}") }),
        }
    }

    fn get_health(&self) -> RpcResult {
        let c = self.chain();
        Ok(json!({
            "status": "healthy",
            "latestLedger": c.latest.seq,
            "oldestLedger": c.oldest_ledger,
            "ledgerRetentionWindow": c.latest.seq - c.oldest_ledger + 1,
        }))
    }

    fn get_network(&self) -> RpcResult {
        let c = self.chain();
        Ok(json!({
            "friendbotUrl": self.friendbot_url,
            "passphrase": c.passphrase,
            "protocolVersion": c.header.ledger_version,
        }))
    }

    fn get_version_info(&self) -> RpcResult {
        let c = self.chain();
        Ok(json!({
            "version": format!("localnet {VERSION}"),
            "commitHash": "",
            "buildTimestamp": "",
            "captiveCoreVersion": format!("localnet {VERSION} (soroban-env-host 28.0.2)"),
            "protocolVersion": c.header.ledger_version,
        }))
    }

    /// Every fee the chain charges is the base fee (no surge pricing), so the fee
    /// distribution is flat at 100 stroops.
    fn get_fee_stats(&self) -> RpcResult {
        let c = self.chain();
        let dist = |count: u64| {
            let base = c.header.base_fee.to_string();
            json!({
                "max": base, "min": base, "mode": base,
                "p10": base, "p20": base, "p30": base, "p40": base, "p50": base,
                "p60": base, "p70": base, "p80": base, "p90": base, "p95": base, "p99": base,
                "transactionCount": count.to_string(),
                "ledgerCount": 50,
            })
        };
        Ok(json!({
            "sorobanInclusionFee": dist(0),
            "inclusionFee": dist(0),
            "latestLedger": c.latest.seq,
        }))
    }

    /// Non-standard: `{ seconds }` moves ledger time forward and closes a ledger at it.
    fn advance_time(&self, params: &Value) -> RpcResult {
        let seconds = encoding::get_u64(params, "seconds").ok_or_else(|| invalid_params("seconds (a non-negative integer) is required"))?;
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
