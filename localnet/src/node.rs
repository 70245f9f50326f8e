//! A running node: `NodeConfig` says what to run (the CLI's options, a test's or the
//! bench's choice), `spawn` opens the chain and serves it on its own threads, and the
//! returned `NodeHandle` gives its address and stops it.

use crate::api::Api;
use crate::backend::{Chain, ChainConfig};
use anyhow::{Context, Result};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;
use tokio::sync::oneshot;

/// The network passphrase of a node not told otherwise (stellar-core's standalone network).
pub const DEFAULT_PASSPHRASE: &str = "Standalone Network ; February 2017";

/// Everything a node needs, whoever starts it.
#[derive(Clone, Debug)]
pub struct NodeConfig {
    pub host: String,
    /// 0 picks a free port (see `NodeHandle::addr`).
    pub port: u16,
    /// Seconds between empty ledgers (0: none).
    pub ledger_interval: u64,
    pub chain: ChainConfig,
}

impl NodeConfig {
    /// A fresh chain in `data_dir` on a free 127.0.0.1 port, no empty ledgers: what
    /// tests and the bench start.
    pub fn ephemeral(data_dir: impl Into<PathBuf>) -> NodeConfig {
        NodeConfig {
            host: "127.0.0.1".into(),
            port: 0,
            ledger_interval: 0,
            chain: ChainConfig {
                passphrase: DEFAULT_PASSPHRASE.into(),
                data_dir: data_dir.into(),
                reset: true,
                ..Default::default()
            },
        }
    }
}

/// A node serving on its own threads; dropping it stops it.
pub struct NodeHandle {
    addr: SocketAddr,
    api: Api,
    stop: Option<oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

/// Opens the chain `config` names and serves it.
pub fn spawn(config: NodeConfig) -> Result<NodeHandle> {
    let chain = Chain::open(&config.chain).context("opening the chain")?;
    spawn_chain(chain, &config)
}

/// Serves an already opened chain (`config.chain` is not used): for tests that set a
/// chain up in-process first.
pub fn spawn_chain(chain: Chain, config: &NodeConfig) -> Result<NodeHandle> {
    let listener = std::net::TcpListener::bind((config.host.as_str(), config.port))
        .with_context(|| format!("binding {}:{}", config.host, config.port))?;
    listener.set_nonblocking(true)?;
    let addr = listener.local_addr()?;
    let api = Api::new(chain, &format!("http://{}:{}", config.host, addr.port()));
    // Every RPC call runs on a blocking thread and most wait for the chain's lock, so a
    // small pool bounds memory under a flood of requests; the rest queue.
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .max_blocking_threads(16)
        .thread_name("localnet")
        .enable_all()
        .build()?;
    let (stop, stopped) = oneshot::channel::<()>();
    let (served, interval) = (api.clone(), config.ledger_interval);
    let thread = std::thread::Builder::new()
        .name("localnet-server".into())
        .spawn(move || {
            runtime.block_on(async move {
                let listener = match tokio::net::TcpListener::from_std(listener) {
                    Ok(l) => l,
                    Err(e) => return eprintln!("localnet: cannot listen: {e}"),
                };
                if interval > 0 {
                    tokio::spawn(close_empty_ledgers(served.clone(), interval));
                }
                let server = axum::serve(listener, crate::server::router(served))
                    .with_graceful_shutdown(async {
                        let _ = stopped.await;
                    });
                if let Err(e) = server.await {
                    eprintln!("localnet: the server stopped: {e}");
                }
            });
            // Kept-alive connections and queued calls get a moment, not forever.
            runtime.shutdown_timeout(Duration::from_secs(1));
        })?;
    Ok(NodeHandle {
        addr,
        api,
        stop: Some(stop),
        thread: Some(thread),
    })
}

impl NodeHandle {
    /// The address it listens on (the chosen port when the config said 0).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    pub fn port(&self) -> u16 {
        self.addr.port()
    }

    /// `http://host:port/rpc`.
    pub fn rpc_url(&self) -> &str {
        &self.api.rpc_url
    }

    /// The node's `Api`, for calls without HTTP.
    pub fn api(&self) -> &Api {
        &self.api
    }

    /// Stops serving and waits for the server's threads to end.
    pub fn shutdown(mut self) {
        self.stop_and_join();
    }

    fn stop_and_join(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for NodeHandle {
    fn drop(&mut self) {
        self.stop_and_join();
    }
}

/// Closes an empty ledger whenever none has closed for `interval` seconds.
async fn close_empty_ledgers(api: Api, interval: u64) {
    let mut tick = tokio::time::interval(Duration::from_millis(250));
    loop {
        tick.tick().await;
        let api = api.clone();
        let _ = tokio::task::spawn_blocking(move || {
            if let Err(e) = api.chain().close_if_idle(interval) {
                eprintln!("localnet: closing an empty ledger failed: {e:#}");
            }
        })
        .await;
    }
}
