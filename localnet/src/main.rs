//! localnet: a one-process local Stellar network that runs the real Soroban host and
//! speaks the Stellar RPC protocol. See localnet/README.md.

use anyhow::{Context, Result};
use clap::Parser;
use localnet::api::{self, Api};
use localnet::backend::ledger_snapshot::SnapshotOptions;
use localnet::backend::{Chain, ChainConfig};
use localnet::config::{Command, Config, SnapshotArgs};
use localnet::server;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

fn main() -> Result<()> {
    let started = Instant::now();
    let cfg = Config::parse();
    if let Some(Command::Snapshot(args)) = &cfg.command {
        return snapshot(args);
    }
    let chain = Chain::open(&ChainConfig {
        passphrase: cfg.passphrase.clone(),
        data_dir: cfg.data_dir.clone(),
        reset: cfg.reset,
        retention_window: cfg.history_retention_window,
        from_snapshot: cfg.from_snapshot.clone(),
        fork_url: cfg.fork_url.clone(),
    })
    .context("opening the chain")?;
    let latest = chain.latest.seq;
    let base = format!("http://{}:{}", cfg.host, cfg.port);
    let api = Api {
        chain: Arc::new(Mutex::new(chain)),
        rpc_url: format!("{base}/rpc"),
        friendbot_url: format!("{base}/friendbot"),
    };
    // Every RPC call runs on a blocking thread and most wait for the chain's lock, so a
    // small pool bounds memory under a flood of requests; the rest queue.
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .max_blocking_threads(16)
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind((cfg.host.as_str(), cfg.port))
            .await
            .with_context(|| format!("binding {}:{}", cfg.host, cfg.port))?;
        print_banner(&api, &cfg, latest, started.elapsed());
        if cfg.ledger_interval > 0 {
            tokio::spawn(close_empty_ledgers(api.clone(), cfg.ledger_interval));
        }
        axum::serve(listener, server::router(api))
            .with_graceful_shutdown(shutdown_signal())
            .await?;
        Ok(())
    })
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

fn print_banner(api: &Api, cfg: &Config, latest: u32, took: Duration) {
    let info = api.localnet_info();
    println!(
        "localnet {} — protocol {} — ledger {latest} — ready in {} ms",
        api::VERSION,
        info["protocolVersion"],
        took.as_millis()
    );
    println!("  passphrase  {}", api.chain().passphrase);
    if let Some(up) = api.chain().state.upstream() {
        println!("  fork of     {}", up.url);
    }
    println!("  rpc         {}", api.rpc_url);
    println!("  friendbot   {}", api.friendbot_url);
    println!("  data dir    {}", cfg.data_dir.display());
    for a in info["assets"].as_array().into_iter().flatten() {
        println!(
            "  {:<11} {}",
            a["code"].as_str().unwrap_or_default(),
            a["contractId"].as_str().unwrap_or_default()
        );
    }
    use std::io::Write;
    let _ = std::io::stdout().flush();
}

/// Closes an empty ledger whenever none has closed for `interval` seconds.
async fn close_empty_ledgers(api: Api, interval: u64) {
    let mut tick = tokio::time::interval(Duration::from_millis(250));
    loop {
        tick.tick().await;
        let api = api.clone();
        let _ = tokio::task::spawn_blocking(move || {
            let mut c = api.chain();
            if c.clock.now() >= c.latest.close_time + interval {
                if let Err(e) = c.close_empty() {
                    eprintln!("localnet: closing an empty ledger failed: {e:#}");
                }
            }
        })
        .await;
    }
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
