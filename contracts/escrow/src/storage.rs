//! Where the escrow keeps its data, and how long the ledger keeps it.
//!
//! The config (large, rarely written) lives in the instance entry; the progress (small,
//! written by every step) in one persistent entry; the funders' contributions in another,
//! written only when money moves. So a step rewrites only a few hundred bytes.

use soroban_sdk::{contracttype, symbol_short, Address, Env, String, Symbol, Vec};

use crate::errors::Error;

use crate::types::{EscrowConfig, EscrowKind, Milestone, MilestoneConfig, ProtocolFee, Roles};

pub const TERMS: Symbol = symbol_short!("terms");
pub const TEXTS: Symbol = symbol_short!("texts");
pub const STATE: Symbol = symbol_short!("state");
pub const FUNDS: Symbol = symbol_short!("funds");

const DAY_IN_LEDGERS: u32 = 17_280;
/// A write extends the entries it touches once their TTL falls under this...
pub const TTL_THRESHOLD: u32 = 6 * DAY_IN_LEDGERS;
/// ...to this: the policy the Stellar Asset Contract applies to its own instance.
pub const TTL_EXTEND_TO: u32 = 7 * DAY_IN_LEDGERS;

/// Flags of the escrow (Single's escrow-wide dispute and payout, and refunds) and of
/// each milestone, kept as bits: smaller entries to rewrite, fewer values to convert.
pub const APPROVED: u32 = 1;
pub const DISPUTED: u32 = 2;
pub const RELEASED: u32 = 4;
pub const RESOLVED: u32 = 8;
pub const REFUNDING: u32 = 16;

/// Something with flags: the escrow's state and each milestone's progress.
pub trait Flagged {
    fn flags(&self) -> u32;
    fn flags_mut(&mut self) -> &mut u32;

    fn is(&self, flag: u32) -> bool {
        self.flags() & flag != 0
    }

    fn mark(&mut self, flag: u32) {
        *self.flags_mut() |= flag;
    }
}

/// One milestone's progress as stored (`Milestone` is what `get_escrow` shows of it).
/// Unset texts are `None`, which costs nothing to store.
#[contracttype]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Progress {
    pub flags: u32,
    pub status: Option<String>,
    pub evidence: Option<String>,
    pub approvals: Vec<Address>,
    pub reason: Option<String>,
}

/// The escrow's progress: everything in `Escrow` except the config and the live balance.
#[contracttype]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct State {
    pub milestones: Vec<Progress>,
    pub flags: u32,
    pub reason: Option<String>,
    pub funded: i128,
    pub paid_out: i128,
    pub refunded: i128,
}

impl Flagged for Progress {
    fn flags(&self) -> u32 {
        self.flags
    }
    fn flags_mut(&mut self) -> &mut u32 {
        &mut self.flags
    }
}

impl Flagged for State {
    fn flags(&self) -> u32 {
        self.flags
    }
    fn flags_mut(&mut self) -> &mut u32 {
        &mut self.flags
    }
}

impl State {
    /// The state of a new escrow with `milestones` milestones.
    pub fn fresh(env: &Env, milestones: u32) -> State {
        let mut list = Vec::from_array(env, []);
        for _ in 0..milestones {
            list.push_back(Progress {
                flags: 0,
                status: None,
                evidence: None,
                approvals: Vec::from_array(env, []),
                reason: None,
            });
        }
        State { milestones: list, flags: 0, reason: None, funded: 0, paid_out: 0, refunded: 0 }
    }

    /// Replaces milestone `index` (rebuilding the list costs less than one more host import).
    pub fn set_milestone(&mut self, env: &Env, index: u32, progress: Progress) {
        let mut list = Vec::from_array(env, []);
        for i in 0..self.milestones.len() {
            list.push_back(if i == index { progress.clone() } else { self.milestones.get_unchecked(i) });
        }
        self.milestones = list;
    }

    /// What `get_escrow` shows of milestone `i`.
    pub fn milestone_view(&self, env: &Env, i: u32) -> Milestone {
        let p = self.milestones.get_unchecked(i);
        let empty = || String::from_str(env, "");
        Milestone {
            status: p.status.clone().unwrap_or_else(empty),
            evidence: p.evidence.clone().unwrap_or_else(empty),
            approvals: p.approvals.clone(),
            approved: p.is(APPROVED),
            disputed: p.is(DISPUTED),
            dispute_reason: p.reason.clone().unwrap_or_else(empty),
            released: p.is(RELEASED),
            resolved: p.is(RESOLVED),
        }
    }
}

/// What the entry points need of the config: everything but its texts. It lives in the
/// instance, which the host loads with the contract anyway.
#[contracttype]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Terms {
    pub kind: EscrowKind,
    pub token: Address,
    pub roles: Roles,
    pub platform_fee_bps: u32,
    pub protocol_fee: ProtocolFee,
    pub amount: i128,
    pub milestone_amounts: Vec<i128>,
    pub milestone_receivers: Vec<Option<Address>>,
    pub deadline: Option<u64>,
}

impl Terms {
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
    let terms = Terms {
        kind: config.kind,
        token: config.token.clone(),
        roles: config.roles.clone(),
        platform_fee_bps: config.platform_fee_bps,
        protocol_fee: config.protocol_fee.clone(),
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
    let store = env.storage().persistent();
    store.set(&TEXTS, &texts);
    store.extend_ttl(&TEXTS, TTL_THRESHOLD, TTL_EXTEND_TO);
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
        kind: terms.kind,
        engagement_id: texts.engagement_id,
        title: texts.title,
        description: texts.description,
        token: terms.token,
        roles: terms.roles,
        platform_fee_bps: terms.platform_fee_bps,
        protocol_fee: terms.protocol_fee,
        amount: terms.amount,
        milestones,
        deadline: terms.deadline,
    }
}

pub fn state(env: &Env) -> State {
    env.storage().persistent().get(&STATE).unwrap()
}

/// Saves the progress and keeps the instance (config and code) and the progress alive.
pub fn set_state(env: &Env, state: &State) {
    let store = env.storage().persistent();
    store.set(&STATE, state);
    store.extend_ttl(&STATE, TTL_THRESHOLD, TTL_EXTEND_TO);
    // The instance only: the code entry is shared by every escrow and large, so writes
    // leave it to `extend_ttl`.
    env.deployer()
        .extend_ttl_for_contract_instance(env.current_contract_address(), TTL_THRESHOLD, TTL_EXTEND_TO);
}

/// Each funder's contribution still held by the escrow (what a refund would pay back),
/// as two parallel lists: cheaper for the host than a map.
#[contracttype]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Funds {
    pub funders: Vec<Address>,
    pub amounts: Vec<i128>,
}

impl Funds {
    pub fn position(&self, who: &Address) -> Option<u32> {
        position(&self.funders, who)
    }

    /// What `who` still has in the escrow (0 for anyone who never funded).
    pub fn held(&self, who: &Address) -> i128 {
        self.position(who).map_or(0, |i| self.amounts.get_unchecked(i))
    }

    /// Sets what `who` still has in the escrow.
    pub fn set(&mut self, who: &Address, amount: i128) {
        match self.position(who) {
            Some(index) => {
                // Rebuilt rather than `Vec::set`: one host import less for every call.
                let mut amounts = Vec::from_array(self.amounts.env(), []);
                for i in 0..self.amounts.len() {
                    amounts.push_back(if i == index { amount } else { self.amounts.get_unchecked(i) });
                }
                self.amounts = amounts;
            }
            None => {
                self.funders.push_back(who.clone());
                self.amounts.push_back(amount);
            }
        }
    }

    pub fn add(&mut self, who: &Address, amount: i128) -> Result<(), Error> {
        let held = self.held(who).checked_add(amount).ok_or(Error::Overflow)?;
        self.set(who, held);
        Ok(())
    }
}

/// Where `who` is in `list`. (A loop over `==` costs the contract no extra host import.)
pub fn position(list: &Vec<Address>, who: &Address) -> Option<u32> {
    (0..list.len()).find(|&i| list.get_unchecked(i) == *who)
}

pub fn includes(list: &Vec<Address>, who: &Address) -> bool {
    position(list, who).is_some()
}

pub fn funds(env: &Env) -> Funds {
    env.storage()
        .persistent()
        .get(&FUNDS)
        .unwrap_or_else(|| Funds { funders: Vec::from_array(env, []), amounts: Vec::from_array(env, []) })
}

pub fn set_funds(env: &Env, funds: &Funds) {
    let store = env.storage().persistent();
    store.set(&FUNDS, funds);
    store.extend_ttl(&FUNDS, TTL_THRESHOLD, TTL_EXTEND_TO);
}

/// Far beyond any network's maximum TTL: the host clamps an extension to the maximum.
const FOREVER: u32 = 100_000_000;

/// Extends the instance, the code and every persistent entry to the network maximum.
pub fn extend_all(env: &Env) {
    let max = FOREVER;
    env.deployer().extend_ttl(env.current_contract_address(), max, max);
    let store = env.storage().persistent();
    store.extend_ttl(&STATE, max, max);
    store.extend_ttl(&TEXTS, max, max);
    // Created by the first payment in or out.
    if store.has(&FUNDS) {
        store.extend_ttl(&FUNDS, max, max);
    }
}
