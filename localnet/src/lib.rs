//! localnet as a library: the binary (`main.rs`) wires these together; tests and the
//! benchmark use them directly.
//!
//! - `config`: command-line options; `node`: `NodeConfig` and an in-process `spawn`.
//! - `client`: a small HTTP/JSON-RPC client (fork mode's upstream, tests, the bench).
//! - `server`: HTTP transport only (routes, CORS, body limits, JSON-RPC envelopes).
//! - `api`: one type, `Api`, answers every RPC method with stellar-rpc's shapes.
//! - `explorer`: read-only HTML pages for transactions, ledgers, accounts, contracts.
//! - `backend`: the chain itself — genesis, state and store, validation, fees,
//!   classic and Soroban operations, ledger close, time.

pub mod api;
pub mod backend;
pub mod client;
pub mod config;
pub mod explorer;
pub mod node;
pub mod server;
