//! Where the escrow keeps its data, and how long the ledger keeps it.
//!
//! The config's terms (what every call needs, rarely written) live in the instance entry,
//! its texts (only shown) in a persistent entry; the progress (small, written by every
//! step) in another; the funders' contributions in a third, written only when money moves.
//! So a step reads little and rewrites only a few hundred bytes.

use soroban_sdk::{contracttype, symbol_short, Address, Env, String, Symbol, Vec};

use crate::errors::Error;
pub use crate::funds::{includes, position, Funds};
pub use crate::state::*;

use crate::types::{EscrowConfig, EscrowKind, MilestoneConfig, ProtocolFee, Roles};

pub const TERMS: Symbol = symbol_short!("terms");
pub const TEXTS: Symbol = symbol_short!("texts");
pub const STATE: Symbol = symbol_short!("state");
pub const FUNDS: Symbol = symbol_short!("funds");

const DAY_IN_LEDGERS: u32 = 17_280;
/// Every change extends the instance and all the escrow's entries once their TTL falls
/// under this...
pub const TTL_THRESHOLD: u32 = 6 * DAY_IN_LEDGERS;
/// ...to this: the policy the Stellar Asset Contract applies to its own instance.
pub const TTL_EXTEND_TO: u32 = 7 * DAY_IN_LEDGERS;

/// What the entry points need of the config: everything but its texts. It lives in the
/// instance, which the host loads with the contract anyway.
#[contracttype]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Terms {
    /// `EscrowKind::Multi`. (Flat fields, no nested structs or enums: fewer values for the
    /// host to convert on every call.)
    pub multi: bool,
    pub token: Address,
    pub approvers: Vec<Address>,
    pub approvals_required: u32,
    pub service_provider: Address,
    pub release_signers: Vec<Address>,
    pub releases_required: u32,
    pub dispute_resolver: Address,
    pub platform: Address,
    pub receiver: Address,
    pub platform_fee_bps: u32,
    pub protocol_recipient: Address,
    pub protocol_bps: u32,
    pub amount: i128,
    pub milestone_amounts: Vec<i128>,
    pub milestone_receivers: Vec<Option<Address>>,
    pub deadline: Option<u64>,
}

impl Terms {
    pub fn kind(&self) -> EscrowKind {
        if self.multi {
            EscrowKind::Multi
        } else {
            EscrowKind::Single
        }
    }

    /// The escrow's total: what `fund` may bring in at most.
    pub fn total(&self) -> Result<i128, Error> {
        let mut total = self.amount;
        for amount in self.milestone_amounts.iter() {
            total = total.checked_add(amount).ok_or(Error::Overflow)?;
        }
        Ok(total)
    }
}

/// The config's texts, read only to show the escrow: a persistent entry of its own, so
/// that the steps never load them.
#[contracttype]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Texts {
    pub engagement_id: String,
    pub title: String,
    pub description: String,
    pub milestone_descriptions: Vec<String>,
}

pub fn terms(env: &Env) -> Terms {
    env.storage().instance().get(&TERMS).unwrap()
}

/// Saves a (new) config: its terms in the instance, its texts apart.
pub fn set_config(env: &Env, config: &EscrowConfig) {
    let mut amounts = Vec::from_array(env, []);
    let mut receivers = Vec::from_array(env, []);
    let mut descriptions = Vec::from_array(env, []);
    for m in config.milestones.iter() {
        amounts.push_back(m.amount);
        receivers.push_back(m.receiver);
        descriptions.push_back(m.description);
    }
    let roles = config.roles.clone();
    let terms = Terms {
        multi: config.kind == EscrowKind::Multi,
        token: config.token.clone(),
        approvers: roles.approvers,
        approvals_required: roles.approvals_required,
        service_provider: roles.service_provider,
        release_signers: roles.release_signers,
        releases_required: roles.releases_required,
        dispute_resolver: roles.dispute_resolver,
        platform: roles.platform,
        receiver: roles.receiver,
        platform_fee_bps: config.platform_fee_bps,
        protocol_recipient: config.protocol_fee.recipient.clone(),
        protocol_bps: config.protocol_fee.bps,
        amount: config.amount,
        milestone_amounts: amounts,
        milestone_receivers: receivers,
        deadline: config.deadline,
    };
    let texts = Texts {
        engagement_id: config.engagement_id.clone(),
        title: config.title.clone(),
        description: config.description.clone(),
        milestone_descriptions: descriptions,
    };
    env.storage().instance().set(&TERMS, &terms);
    env.storage().persistent().set(&TEXTS, &texts);
}

/// The config as deployed (or last updated).
pub fn config(env: &Env, terms: Terms) -> EscrowConfig {
    let texts: Texts = env.storage().persistent().get(&TEXTS).unwrap();
    let mut milestones = Vec::from_array(env, []);
    for i in 0..terms.milestone_amounts.len() {
        milestones.push_back(MilestoneConfig {
            description: texts.milestone_descriptions.get_unchecked(i),
            amount: terms.milestone_amounts.get_unchecked(i),
            receiver: terms.milestone_receivers.get_unchecked(i),
        });
    }
    EscrowConfig {
        kind: terms.kind(),
        engagement_id: texts.engagement_id,
        title: texts.title,
        description: texts.description,
        token: terms.token,
        roles: Roles {
            approvers: terms.approvers,
            approvals_required: terms.approvals_required,
            service_provider: terms.service_provider,
            release_signers: terms.release_signers,
            releases_required: terms.releases_required,
            dispute_resolver: terms.dispute_resolver,
            platform: terms.platform,
            receiver: terms.receiver,
        },
        platform_fee_bps: terms.platform_fee_bps,
        protocol_fee: ProtocolFee { recipient: terms.protocol_recipient, bps: terms.protocol_bps },
        amount: terms.amount,
        milestones,
        deadline: terms.deadline,
    }
}

pub fn state(env: &Env) -> State {
    env.storage().persistent().get(&STATE).unwrap()
}

/// Saves the progress. Every entry point that changes anything ends here, so this is
/// also where the escrow's entries are kept alive.
pub fn set_state(env: &Env, state: &State) {
    env.storage().persistent().set(&STATE, state);
    keep_alive(env, TTL_THRESHOLD, TTL_EXTEND_TO, state.is(HAS_FUNDS));
}

/// Extends the instance and every persistent entry of the escrow to `extend_to` ledgers
/// once under `threshold`. The instance only, not the code: the code entry is large and
/// shared by every escrow (see README, Storage and TTLs).
fn keep_alive(env: &Env, threshold: u32, extend_to: u32, has_funds: bool) {
    env.deployer()
        .extend_ttl_for_contract_instance(env.current_contract_address(), threshold, extend_to);
    let store = env.storage().persistent();
    store.extend_ttl(&STATE, threshold, extend_to);
    store.extend_ttl(&TEXTS, threshold, extend_to);
    if has_funds {
        store.extend_ttl(&FUNDS, threshold, extend_to);
    }
}

pub fn funds(env: &Env) -> Funds {
    env.storage()
        .persistent()
        .get(&FUNDS)
        .unwrap_or_else(|| Funds { funders: Vec::from_array(env, []), amounts: Vec::from_array(env, []) })
}

/// Saves the contributions; `state` (saved next) records that the entry exists.
pub fn set_funds(env: &Env, funds: &Funds, state: &mut State) {
    env.storage().persistent().set(&FUNDS, funds);
    state.mark(HAS_FUNDS);
}

/// Far beyond any network's maximum TTL: the host clamps an extension to the maximum.
const FOREVER: u32 = 100_000_000;

/// Extends the instance and every persistent entry to the network maximum.
pub fn extend_all(env: &Env) {
    keep_alive(env, FOREVER, FOREVER, state(env).is(HAS_FUNDS));
}
