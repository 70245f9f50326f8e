mod chain;
mod setup;

mod auth;
mod bench;
mod bench_floor;
mod bench_reference;
mod bench_report;
mod error_table;
mod errors;
mod events;
mod lifecycle;
mod deadline;
mod defects;
mod ttl;
mod update;
mod props;
mod wasm;
