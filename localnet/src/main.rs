//! localnet: a one-process local Stellar network that runs the real Soroban host and
//! speaks the Stellar RPC protocol. See localnet/README.md.

use anyhow::Result;
use clap::Parser;
use localnet::api::{self, Api};
use localnet::backend::ledger_snapshot::SnapshotOptions;
use localnet::backend::{Chain, ChainConfig};
use localnet::config::{Command, NodeArgs, SnapshotArgs};
use localnet::node;
use std::time::{Duration, Instant};

fn main() -> Result<()> {
    let started = Instant::now();
    let args = NodeArgs::parse();
    if let Some(Command::Snapshot(snap)) = &args.command {
        return snapshot(snap);
    }
    let node = node::spawn(args.node_config())?;
    print_banner(node.api(), &args, started.elapsed());
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?
        .block_on(shutdown_signal());
    node.shutdown();
    Ok(())
}

/// `localnet snapshot`: reads the chain in `--data-dir` (with the passphrase it was
/// made with) and writes its state, or the given contracts' and accounts', as JSON.
fn snapshot(args: &SnapshotArgs) -> Result<()> {
    let store_file = args.data_dir.join("localnet.sqlite");
    if !store_file.exists() {
        anyhow::bail!(
            "{} holds no chain (no localnet.sqlite)",
            args.data_dir.display()
        );
    }
    let passphrase = localnet::backend::store::Store::open(&args.data_dir, false)?
        .kv_get("passphrase")?
        .ok_or_else(|| anyhow::anyhow!("{} has no passphrase recorded", store_file.display()))?;
    let mut filter = SnapshotOptions {
        protocol_version: args.protocol_version,
        ..Default::default()
    };
    for c in &args.contracts {
        filter.contracts.push(
            api::parse_contract(c)
                .ok_or_else(|| anyhow::anyhow!("--contract {c:?} is not a C… address"))?,
        );
    }
    for a in &args.accounts {
        filter.accounts.push(
            api::parse_account(a)
                .ok_or_else(|| anyhow::anyhow!("--account {a:?} is not a G… address"))?,
        );
    }
    let chain = Chain::open(&ChainConfig {
        passphrase,
        data_dir: args.data_dir.clone(),
        ..Default::default()
    })?;
    let snap = chain.snapshot(&filter);
    snap.write_file(&args.out)?;
    println!(
        "wrote {} entries at ledger {} to {}",
        snap.ledger_entries.len(),
        snap.sequence_number,
        args.out.display()
    );
    Ok(())
}

fn print_banner(api: &Api, args: &NodeArgs, took: Duration) {
    let info = api.localnet_info();
    println!(
        "localnet {} — protocol {} — ledger {} — ready in {} ms",
        api::VERSION,
        info.protocol_version,
        api.chain().latest().seq,
        took.as_millis()
    );
    println!("  passphrase  {}", info.passphrase);
    if let Some(url) = api.chain().upstream_url() {
        println!("  fork of     {url}");
    }
    println!("  rpc         {}", info.rpc_url);
    println!("  friendbot   {}", info.friendbot_url);
    println!("  data dir    {}", args.data_dir.display());
    for a in &info.assets {
        println!("  {:<11} {}", a.code, a.contract_id);
    }
    use std::io::Write;
    let _ = std::io::stdout().flush();
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
}
