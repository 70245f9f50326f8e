mod chain;
mod setup;

mod bench;
mod lifecycle;
