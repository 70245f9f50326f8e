//! Where the escrow keeps its data, and how long the ledger keeps it.
//!
//! The config (its terms, what every call needs, and its texts, only shown) lives in the
//! instance entry, written only by the constructor and `update`; the progress and the
//! funders' contributions (small, written by every step) in one persistent entry, `state`.
//! So an escrow is two entries, and a step rewrites only a few hundred bytes.

use soroban_sdk::{contracttype, symbol_short, Address, Env, String, Symbol, TryFromVal, Val, Vec};

use crate::errors::Error;
pub use crate::funds::{includes, position, Funds};
pub use crate::state::*;

use crate::types::{EscrowConfig, EscrowKind, MilestoneConfig, ProtocolFee, Roles};

pub const TERMS: Symbol = symbol_short!("terms");
pub const TEXTS: Symbol = symbol_short!("texts");
pub const STATE: Symbol = symbol_short!("state");

const DAY_IN_LEDGERS: u32 = 17_280;
/// Every change extends the instance and all the escrow's entries once their TTL falls
/// under this...
pub const TTL_THRESHOLD: u32 = 6 * DAY_IN_LEDGERS;
/// ...to this: the policy the Stellar Asset Contract applies to its own instance, and testnet's
/// minimum TTL of a new entry (120,960 ledgers at protocol 28): a step never buys more time
/// than the network gives a new entry (README: Storage and TTLs, on the choice).
pub const TTL_EXTEND_TO: u32 = 7 * DAY_IN_LEDGERS;

/// What the entry points need of the config: everything but its texts. It lives in the
/// instance, which the host loads with the contract anyway, stored as a `TermsRow`.
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

/// `Terms` as stored: a tuple struct is a vector of its fields, without the field names a
/// struct's map would store (and the host would compare) on every read and write.
#[contracttype]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct TermsRow(
    pub bool,
    pub Address,
    pub Vec<Address>,
    pub u32,
    pub Address,
    pub Vec<Address>,
    pub u32,
    pub Address,
    pub Address,
    pub Address,
    pub u32,
    pub Address,
    pub u32,
    pub i128,
    pub Vec<i128>,
    pub Vec<Option<Address>>,
    pub Option<u64>,
);

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

/// The config's texts, read only to show the escrow (in the instance beside the terms: the
/// host loads the instance with the contract, and one entry fewer is cheaper than the bytes
/// it saves a step). Stored as a tuple (engagement id, title, description,
/// milestone descriptions): a vector, no field names.
pub type Texts = (String, String, String, Vec<String>);

const PERSISTENT: u32 = 1;
const INSTANCE: u32 = 2;

/// Reads an entry known to exist. The SDK's `get` first asks the host whether the entry
/// exists (`has_contract_data`), one host import more for every call of the contract; in
/// the wasm this asks for the entry directly (the host traps if it is missing, which the
/// callers rule out).
fn load<V: TryFromVal<Env, Val>>(env: &Env, key: Symbol, storage: u32) -> V {
    #[cfg(target_family = "wasm")]
    {
        #[link(wasm_import_module = "l")]
        extern "C" {
            // soroban-env's `get_contract_data(k: Val, t: StorageType) -> Val` (StorageType:
            // Temporary 0, Persistent 1, Instance 2).
            #[allow(clashing_extern_declarations)]
            #[link_name = "1"]
            fn get_contract_data(k: u64, t: u64) -> u64;
        }
        // The storage type crosses as its bare discriminant, not as a Val.
        let raw = unsafe { get_contract_data(key.to_val().get_payload(), storage as u64) };
        match V::try_from_val(env, &Val::from_payload(raw)) {
            Ok(v) => v,
            Err(_) => panic!(),
        }
    }
    #[cfg(not(target_family = "wasm"))]
    {
        let v: Option<V> = if storage == INSTANCE {
            env.storage().instance().get(&key)
        } else {
            env.storage().persistent().get(&key)
        };
        v.unwrap()
    }
}

pub fn terms(env: &Env) -> Terms {
    terms_from_row(load(env, TERMS, INSTANCE))
}

pub fn terms_from_row(r: TermsRow) -> Terms {
    Terms {
        multi: r.0,
        token: r.1,
        approvers: r.2,
        approvals_required: r.3,
        service_provider: r.4,
        release_signers: r.5,
        releases_required: r.6,
        dispute_resolver: r.7,
        platform: r.8,
        receiver: r.9,
        platform_fee_bps: r.10,
        protocol_recipient: r.11,
        protocol_bps: r.12,
        amount: r.13,
        milestone_amounts: r.14,
        milestone_receivers: r.15,
        deadline: r.16,
    }
}

/// Saves a (new) config in the instance, its terms and its texts under keys of their own;
/// returns both as stored (the `created` and `updated` events carry them).
pub fn set_config(env: &Env, config: &EscrowConfig) -> (TermsRow, Texts) {
    let mut amounts = Vec::from_array(env, []);
    let mut receivers = Vec::from_array(env, []);
    let mut descriptions = Vec::from_array(env, []);
    for m in config.milestones.iter() {
        amounts.push_back(m.amount);
        receivers.push_back(m.receiver);
        descriptions.push_back(m.description);
    }
    let roles = config.roles.clone();
    let terms = TermsRow(
        config.kind == EscrowKind::Multi,
        config.token.clone(),
        roles.approvers,
        roles.approvals_required,
        roles.service_provider,
        roles.release_signers,
        roles.releases_required,
        roles.dispute_resolver,
        roles.platform,
        roles.receiver,
        config.platform_fee_bps,
        config.protocol_fee.recipient.clone(),
        config.protocol_fee.bps,
        config.amount,
        amounts,
        receivers,
        config.deadline,
    );
    let texts: Texts = (
        config.engagement_id.clone(),
        config.title.clone(),
        config.description.clone(),
        descriptions,
    );
    env.storage().instance().set(&TERMS, &terms);
    env.storage().instance().set(&TEXTS, &texts);
    (terms, texts)
}

/// The config as deployed (or last updated).
pub fn config(env: &Env, terms: Terms) -> EscrowConfig {
    config_from(env, terms, load(env, TEXTS, INSTANCE))
}

/// The config from its two rows (as stored, and as the `created` and `updated` events carry them).
pub fn config_from(env: &Env, terms: Terms, texts: Texts) -> EscrowConfig {
    let (engagement_id, title, description, descriptions) = texts;
    let mut milestones = Vec::from_array(env, []);
    for i in 0..terms.milestone_amounts.len() {
        milestones.push_back(MilestoneConfig {
            description: descriptions.get_unchecked(i),
            amount: terms.milestone_amounts.get_unchecked(i),
            receiver: terms.milestone_receivers.get_unchecked(i),
        });
    }
    EscrowConfig {
        kind: terms.kind(),
        engagement_id,
        title,
        description,
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
        protocol_fee: ProtocolFee {
            recipient: terms.protocol_recipient,
            bps: terms.protocol_bps,
        },
        amount: terms.amount,
        milestones,
        deadline: terms.deadline,
    }
}

pub fn state(env: &Env) -> State {
    State::from_row(load(env, STATE, PERSISTENT))
}

/// How long after an extension the next one is due, in seconds of ledger time: a day, the
/// gap between `TTL_EXTEND_TO` and `TTL_THRESHOLD` at 5-second ledgers.
const EXTEND_EVERY_SECONDS: u64 = 86_400;

/// Saves the progress. Every entry point that changes anything ends here, so this is
/// also where the escrow's entries are kept alive: once the ledger's time reaches `ttl_due`,
/// both the instance and `state` go to `TTL_EXTEND_TO` and the next extension is due a day
/// later; before that no TTL call is made at all. The due time is kept in ledger seconds,
/// not in ledgers: the contract reads the ledger's timestamp anyway (deadlines), and one
/// host import fewer is paid on every call. Should ledgers close faster than every 5
/// seconds, a day holds more ledgers than planned, yet far fewer than the 7 days of
/// ledgers the entries have left.
pub fn set_state(env: &Env, state: &mut State) {
    let now = env.ledger().timestamp();
    if now >= u64::from(state.ttl_due) {
        // A new escrow's entries may already have the network's minimum TTL (7 days on
        // testnet): extend only what is under the threshold then, so creating extends nothing.
        let threshold = if state.ttl_due == 0 {
            TTL_THRESHOLD
        } else {
            TTL_EXTEND_TO
        };
        // Past 2106 the time no longer fits: every change then extends (still correct).
        state.ttl_due = u32::try_from(now.saturating_add(EXTEND_EVERY_SECONDS)).unwrap_or(u32::MAX);
        env.storage().persistent().set(&STATE, &state.to_row());
        keep_alive(env, threshold, TTL_EXTEND_TO);
    } else {
        env.storage().persistent().set(&STATE, &state.to_row());
    }
}

/// Extends the instance and the `state` entry to `extend_to` ledgers once under
/// `threshold`. The instance only, not the code: the code entry is large and shared by
/// every escrow (see README, Storage and TTLs).
fn keep_alive(env: &Env, threshold: u32, extend_to: u32) {
    env.deployer().extend_ttl_for_contract_instance(
        env.current_contract_address(),
        threshold,
        extend_to,
    );
    env.storage()
        .persistent()
        .extend_ttl(&STATE, threshold, extend_to);
}

/// Far beyond any network's maximum TTL: the host clamps an extension to the maximum.
const FOREVER: u32 = 100_000_000;

/// Extends the instance and every persistent entry to the network maximum.
pub fn extend_all(env: &Env) {
    keep_alive(env, FOREVER, FOREVER);
}
