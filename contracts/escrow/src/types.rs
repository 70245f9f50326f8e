//! The escrow's public data types: what the constructor takes, what `get_escrow` returns.
//! Their shapes are the contract's interface (the dApp and the indexer decode them).

use soroban_sdk::{contracttype, Address, String, Vec};

/// Single: one payout of `amount` once every milestone is approved.
/// Multi: each milestone has its own amount and is paid on its own.
#[contracttype]
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub enum EscrowKind {
    Single,
    Multi,
}

/// Who may do what. Fixed at deployment (only `update` changes it before any funding, and
/// never `platform`).
#[contracttype]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Roles {
    /// 1–5 distinct addresses that approve milestones.
    pub approvers: Vec<Address>,
    /// Approvals a milestone needs (1..=approvers.len()).
    pub approvals_required: u32,
    /// Sets milestone status and evidence.
    pub service_provider: Address,
    /// 1–5 distinct addresses that sign releases.
    pub release_signers: Vec<Address>,
    /// Signatures a release needs (1..=release_signers.len()).
    pub releases_required: u32,
    /// Resolves disputes and distributes what is left once the escrow is finished.
    pub dispute_resolver: Address,
    /// Deploys and may update the escrow before funding; receives the platform fee.
    pub platform: Address,
    /// Receives payouts (Multi milestones may name their own receiver).
    pub receiver: Address,
}

/// The operator's fee, fixed at deployment: never taken from a later call's arguments.
#[contracttype]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct ProtocolFee {
    pub recipient: Address,
    pub bps: u32,
}

#[contracttype]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct MilestoneConfig {
    /// At most 500 characters.
    pub description: String,
    /// Single: 0. Multi: > 0, paid when this milestone is released.
    pub amount: i128,
    /// Single: None. Multi: the payee of this milestone (default `roles.receiver`).
    pub receiver: Option<Address>,
}

#[contracttype]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct EscrowConfig {
    pub kind: EscrowKind,
    /// At most 100 characters.
    pub engagement_id: String,
    /// At most 100 characters.
    pub title: String,
    /// At most 500 characters.
    pub description: String,
    /// The token held: a Stellar Asset Contract or any SEP-41 token.
    pub token: Address,
    pub roles: Roles,
    pub platform_fee_bps: u32,
    pub protocol_fee: ProtocolFee,
    /// Single: the escrowed amount (> 0). Multi: 0.
    pub amount: i128,
    /// 1–20 milestones.
    pub milestones: Vec<MilestoneConfig>,
    /// Ledger timestamp (unix seconds) after which funders may claim refunds.
    pub deadline: Option<u64>,
}

/// A milestone's progress.
#[contracttype]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Milestone {
    /// Set by the service provider; empty until then. At most 50 characters.
    pub status: String,
    /// A URL or text, at most 500 characters.
    pub evidence: String,
    /// The approvers who approved, each once.
    pub approvals: Vec<Address>,
    pub approved: bool,
    pub disputed: bool,
    pub dispute_reason: String,
    pub released: bool,
    pub resolved: bool,
}

/// Everything about one escrow, as `get_escrow` returns it.
#[contracttype]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Escrow {
    pub config: EscrowConfig,
    pub milestones: Vec<Milestone>,
    /// Single only: the escrow-wide dispute.
    pub disputed: bool,
    pub dispute_reason: String,
    pub released: bool,
    pub resolved: bool,
    /// Total ever received through `fund`.
    pub funded: i128,
    /// Total that left the contract except refunds claimed with `claim_refund`.
    pub paid_out: i128,
    /// Total paid back through `claim_refund`.
    pub refunded: i128,
    /// True from the first `claim_refund` on.
    pub refunding: bool,
    /// The contract's live token balance.
    pub balance: i128,
    /// The version of the terms (1 at deployment, +1 per `update`) that `fund` must name.
    pub terms_version: u32,
}
