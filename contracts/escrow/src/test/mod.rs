mod chain;
mod setup;

mod auth;
mod bench;
mod bench_floor;
mod bench_reference;
mod bench_report;
mod deadline;
mod defects;
mod error_table;
mod errors;
mod events;
mod lifecycle;
mod props;
mod ttl;
mod update;
mod wasm;
