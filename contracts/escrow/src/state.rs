//! The escrow's progress as stored: flag bits and texts per milestone, the totals, the
//! terms version and the funders' contributions, all in one entry.

use soroban_sdk::{contracttype, Address, Env, String, Vec};

use crate::funds::Funds;
use crate::types::Milestone;

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

/// One milestone's progress (`Milestone` is what `get_escrow` shows of it).
/// Unset texts are `None`, which costs nothing to store.
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Progress {
    pub flags: u32,
    /// Bit `i` set: `roles.approvers[i]` approved (each approver counts once).
    pub approvals: u32,
    pub status: Option<String>,
    pub evidence: Option<String>,
    pub reason: Option<String>,
}

/// `Progress` as stored: (flags | approvals << 8, status, evidence, reason), a vector without
/// field names (a struct would be a map that stores every field's name).
pub type ProgressRow = (u32, Option<String>, Option<String>, Option<String>);

/// Where the approval bits sit in a stored milestone's first field (flags use the low 8 bits).
const APPROVALS_SHIFT: u32 = 8;
const FLAG_BITS: u32 = (1 << APPROVALS_SHIFT) - 1;

/// `State` as stored: (milestones, flags, reason, funded, paid_out, refunded, terms_version,
/// funders, their amounts, ttl_due). A tuple struct is a vector: no field names stored.
#[contracttype]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct StateRow(
    pub Vec<ProgressRow>,
    pub u32,
    pub Option<String>,
    pub i128,
    pub i128,
    pub i128,
    pub u32,
    pub Vec<Address>,
    pub Vec<i128>,
    pub u32,
);

/// The escrow's progress: everything in `Escrow` except the config and the live balance,
/// plus the contributions (kept here rather than in an entry of their own: one entry
/// fewer to create, extend and rewrite).
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct State {
    pub milestones: Vec<ProgressRow>,
    pub flags: u32,
    pub reason: Option<String>,
    pub funded: i128,
    pub paid_out: i128,
    pub refunded: i128,
    /// 1 for the constructor's terms, advanced by every `update`; `fund` must name it.
    pub terms_version: u32,
    pub funds: Funds,
    /// The ledger time (seconds) from which the next change extends the entries' TTLs
    /// (README: Storage and TTLs).
    pub ttl_due: u32,
}

impl Flagged for Progress {
    fn flags(&self) -> u32 {
        self.flags
    }
    fn flags_mut(&mut self) -> &mut u32 {
        &mut self.flags
    }
}

impl Flagged for ProgressRow {
    fn flags(&self) -> u32 {
        self.0 & FLAG_BITS
    }
    fn flags_mut(&mut self) -> &mut u32 {
        &mut self.0
    }
}

/// A stored milestone's approval bits.
pub fn row_approvals(row: &ProgressRow) -> u32 {
    row.0 >> APPROVALS_SHIFT
}

impl From<ProgressRow> for Progress {
    fn from(r: ProgressRow) -> Progress {
        Progress {
            flags: r.flags(),
            approvals: row_approvals(&r),
            status: r.1,
            evidence: r.2,
            reason: r.3,
        }
    }
}

impl Progress {
    pub fn to_row(&self) -> ProgressRow {
        (
            self.flags | self.approvals << APPROVALS_SHIFT,
            self.status.clone(),
            self.evidence.clone(),
            self.reason.clone(),
        )
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
    /// The state of a new escrow with `milestones` milestones, under terms `terms_version`.
    pub fn fresh(env: &Env, milestones: u32, terms_version: u32, ttl_due: u32) -> State {
        let mut list = Vec::from_array(env, []);
        for _ in 0..milestones {
            list.push_back((0, None, None, None));
        }
        let funds = Funds {
            funders: Vec::from_array(env, []),
            amounts: Vec::from_array(env, []),
        };
        State {
            milestones: list,
            flags: 0,
            reason: None,
            funded: 0,
            paid_out: 0,
            refunded: 0,
            terms_version,
            funds,
            ttl_due,
        }
    }

    pub fn from_row(r: StateRow) -> State {
        State {
            milestones: r.0,
            flags: r.1,
            reason: r.2,
            funded: r.3,
            paid_out: r.4,
            refunded: r.5,
            terms_version: r.6,
            funds: Funds {
                funders: r.7,
                amounts: r.8,
            },
            ttl_due: r.9,
        }
    }

    pub fn to_row(&self) -> StateRow {
        StateRow(
            self.milestones.clone(),
            self.flags,
            self.reason.clone(),
            self.funded,
            self.paid_out,
            self.refunded,
            self.terms_version,
            self.funds.funders.clone(),
            self.funds.amounts.clone(),
            self.ttl_due,
        )
    }

    /// Replaces milestone `index` (rebuilding the list costs less than one more host import).
    pub fn set_milestone(&mut self, env: &Env, index: u32, progress: Progress) {
        let progress = progress.to_row();
        let mut list = Vec::from_array(env, []);
        for i in 0..self.milestones.len() {
            list.push_back(if i == index {
                progress.clone()
            } else {
                self.milestones.get_unchecked(i)
            });
        }
        self.milestones = list;
    }

    /// What `get_escrow` shows of milestone `i` (approvals in the approvers' order).
    pub fn milestone_view(&self, env: &Env, i: u32, approvers: &Vec<Address>) -> Milestone {
        let p = Progress::from(self.milestones.get_unchecked(i));
        let empty = || String::from_str(env, "");
        let mut approvals = Vec::from_array(env, []);
        for slot in 0..approvers.len() {
            if p.approvals & (1 << slot) != 0 {
                approvals.push_back(approvers.get_unchecked(slot));
            }
        }
        Milestone {
            status: p.status.clone().unwrap_or_else(empty),
            evidence: p.evidence.clone().unwrap_or_else(empty),
            approvals,
            approved: p.is(APPROVED),
            disputed: p.is(DISPUTED),
            dispute_reason: p.reason.clone().unwrap_or_else(empty),
            released: p.is(RELEASED),
            resolved: p.is(RESOLVED),
        }
    }
}
