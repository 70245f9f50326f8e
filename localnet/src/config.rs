//! Command-line options.

use clap::Parser;
use std::path::PathBuf;

pub const DEFAULT_PASSPHRASE: &str = "Standalone Network ; February 2017";

#[derive(Parser, Debug, Clone)]
#[command(name = "localnet", version, about = "A one-process local Stellar network: the real Soroban host behind the Stellar RPC protocol")]
pub struct Config {
    /// Address to listen on (keep it local: the dev keys are public).
    #[arg(long, default_value = "127.0.0.1")]
    pub host: String,
    /// Port for /rpc, /friendbot, /faucet, /health and /localnet.
    #[arg(long, default_value_t = 8000)]
    pub port: u16,
    /// Where the chain is kept (SQLite, WAL mode).
    #[arg(long, default_value = ".localnet")]
    pub data_dir: PathBuf,
    /// Delete the chain in --data-dir and start from genesis.
    #[arg(long)]
    pub reset: bool,
    /// Seconds between empty ledgers, so that ledger time moves (0 disables them).
    #[arg(long, default_value_t = 5)]
    pub ledger_interval: u64,
    /// Network passphrase.
    #[arg(long, default_value = DEFAULT_PASSPHRASE)]
    pub passphrase: String,
    /// Keep only this many ledgers of history (ledgers, transactions, events), as
    /// stellar-rpc's option of the same name; state is never pruned. Default: keep all.
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..))]
    pub history_retention_window: Option<u32>,
}
