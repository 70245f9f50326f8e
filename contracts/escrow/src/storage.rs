//! Where the escrow keeps its data, and how long the ledger keeps it.
//!
//! The config (large, rarely written) lives in the instance entry; the progress (small,
//! written by every step) in one persistent entry; the funders' contributions in another,
//! written only when money moves. So a step rewrites only a few hundred bytes.

use soroban_sdk::{contracttype, symbol_short, Address, Env, Map, String, Symbol, Vec};

use crate::types::{EscrowConfig, Milestone};

const CONFIG: Symbol = symbol_short!("config");
const STATE: Symbol = symbol_short!("state");
const FUNDS: Symbol = symbol_short!("funds");

const DAY_IN_LEDGERS: u32 = 17_280;
/// A write extends an entry once its TTL falls under this...
pub const TTL_THRESHOLD: u32 = 14 * DAY_IN_LEDGERS;
/// ...to this (the Stellar Asset Contract keeps balances 30 days ahead the same way).
pub const TTL_EXTEND_TO: u32 = 30 * DAY_IN_LEDGERS;

/// The escrow's progress: everything in `Escrow` except the config and the live balance.
#[contracttype]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct State {
    pub milestones: Vec<Milestone>,
    pub disputed: bool,
    pub dispute_reason: String,
    pub released: bool,
    pub resolved: bool,
    pub funded: i128,
    pub paid_out: i128,
    pub refunded: i128,
    pub refunding: bool,
}

impl State {
    /// The state of a new escrow with `milestones` milestones.
    pub fn fresh(env: &Env, milestones: u32) -> State {
        let empty = String::from_str(env, "");
        let mut list = Vec::new(env);
        for _ in 0..milestones {
            list.push_back(Milestone {
                status: empty.clone(),
                evidence: empty.clone(),
                approvals: Vec::new(env),
                approved: false,
                disputed: false,
                dispute_reason: empty.clone(),
                released: false,
                resolved: false,
            });
        }
        State {
            milestones: list,
            disputed: false,
            dispute_reason: empty,
            released: false,
            resolved: false,
            funded: 0,
            paid_out: 0,
            refunded: 0,
            refunding: false,
        }
    }
}

pub fn config(env: &Env) -> EscrowConfig {
    env.storage().instance().get(&CONFIG).unwrap()
}

pub fn set_config(env: &Env, config: &EscrowConfig) {
    env.storage().instance().set(&CONFIG, config);
}

pub fn state(env: &Env) -> State {
    env.storage().persistent().get(&STATE).unwrap()
}

/// Saves the progress and keeps the instance (config and code) and the progress alive.
pub fn set_state(env: &Env, state: &State) {
    let store = env.storage().persistent();
    store.set(&STATE, state);
    store.extend_ttl(&STATE, TTL_THRESHOLD, TTL_EXTEND_TO);
    env.storage().instance().extend_ttl(TTL_THRESHOLD, TTL_EXTEND_TO);
}

/// Each funder's contribution still held by the escrow (what a refund would pay back).
pub fn funds(env: &Env) -> Map<Address, i128> {
    env.storage().persistent().get(&FUNDS).unwrap_or_else(|| Map::new(env))
}

pub fn set_funds(env: &Env, funds: &Map<Address, i128>) {
    let store = env.storage().persistent();
    store.set(&FUNDS, funds);
    store.extend_ttl(&FUNDS, TTL_THRESHOLD, TTL_EXTEND_TO);
}

/// Extends the instance, the code and every persistent entry to the network maximum.
/// `funded` tells whether the funders' entry exists (it is created by the first `fund`).
pub fn extend_all(env: &Env, funded: bool) {
    let max = env.storage().max_ttl();
    env.storage().instance().extend_ttl(max, max);
    let store = env.storage().persistent();
    store.extend_ttl(&STATE, max, max);
    if funded {
        store.extend_ttl(&FUNDS, max, max);
    }
}
