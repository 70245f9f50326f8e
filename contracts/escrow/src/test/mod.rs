mod chain;
mod setup;

mod auth;
mod bench;
mod error_table;
mod errors;
mod events;
mod lifecycle;
