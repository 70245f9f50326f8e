//! Command-line options (clap), turned into a `NodeConfig` for `node::spawn`.

use crate::backend::ChainConfig;
use crate::node::{NodeConfig, DEFAULT_PASSPHRASE};
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

#[derive(Parser, Debug, Clone)]
#[command(
    name = "localnet",
    version,
    about = "A one-process local Stellar network: the real Soroban host behind the Stellar RPC protocol"
)]
pub struct NodeArgs {
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
    /// Start a new chain from a ledger snapshot (soroban-sdk's JSON, as `localnet
    /// snapshot` writes it); the data dir must be new, or use --reset.
    #[arg(long)]
    pub from_snapshot: Option<PathBuf>,
    /// Fork mode: read every entry not written here from this Stellar RPC (http://),
    /// taking its passphrase, protocol and settings; see the README for the limits.
    #[arg(long, value_name = "RPC_URL")]
    pub fork_url: Option<String>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

impl NodeArgs {
    /// What to run, without the subcommand.
    pub fn node_config(&self) -> NodeConfig {
        NodeConfig {
            host: self.host.clone(),
            port: self.port,
            ledger_interval: self.ledger_interval,
            chain: ChainConfig {
                passphrase: self.passphrase.clone(),
                data_dir: self.data_dir.clone(),
                reset: self.reset,
                retention_window: self.history_retention_window,
                from_snapshot: self.from_snapshot.clone(),
                fork_url: self.fork_url.clone(),
            },
        }
    }
}

#[derive(Subcommand, Debug, Clone)]
pub enum Command {
    /// Write the chain's current state as a ledger snapshot for soroban-sdk tests
    /// (`Env::from_ledger_snapshot_file`) or for `--from-snapshot`.
    Snapshot(SnapshotArgs),
}

#[derive(Args, Debug, Clone)]
pub struct SnapshotArgs {
    /// The chain to read (a running node's data dir is fine).
    #[arg(long, default_value = ".localnet")]
    pub data_dir: PathBuf,
    /// Where to write the JSON.
    #[arg(long)]
    pub out: PathBuf,
    /// Only this contract (instance, storage and its Wasm); repeatable.
    #[arg(long = "contract", value_name = "C…")]
    pub contracts: Vec<String>,
    /// Only this account (and its trustlines); repeatable.
    #[arg(long = "account", value_name = "G…")]
    pub accounts: Vec<String>,
    /// Protocol version to write instead of the chain's (28): soroban-sdk 27's host
    /// refuses a newer ledger, so give 27 for an SDK 27 contract's tests.
    #[arg(long)]
    pub protocol_version: Option<u32>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_become_a_node_config() {
        let args = NodeArgs::try_parse_from([
            "localnet",
            "--port",
            "0",
            "--ledger-interval",
            "0",
            "--history-retention-window",
            "10",
            "--data-dir",
            "d",
        ])
        .unwrap();
        let cfg = args.node_config();
        assert_eq!(
            (cfg.host.as_str(), cfg.port, cfg.ledger_interval),
            ("127.0.0.1", 0, 0)
        );
        assert_eq!(cfg.chain.retention_window, Some(10));
        assert_eq!(cfg.chain.data_dir, PathBuf::from("d"));
        assert_eq!(cfg.chain.passphrase, DEFAULT_PASSPHRASE);
        assert!(!cfg.chain.reset && cfg.chain.fork_url.is_none());
    }

    #[test]
    fn a_zero_retention_window_is_refused() {
        assert!(NodeArgs::try_parse_from(["localnet", "--history-retention-window", "0"]).is_err());
    }
}
