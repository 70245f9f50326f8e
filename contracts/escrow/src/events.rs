//! The escrow's events: topics `("escrow", <action>)`, data one of the structs below
//! (a map of its fields).
//! Together they let an indexer rebuild the escrow's state without reading storage:
//! `created`/`updated` carry the config, every later event what changed and by whom.

use soroban_sdk::{contracttype, symbol_short, Address, Env, String, Symbol, Vec};

use crate::fees::Split;
use crate::types::EscrowConfig;

/// One recipient's part of a release or distribution.
#[contracttype]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Payout {
    pub to: Address,
    /// The whole share.
    pub gross: i128,
    /// The part paid back fee-free to its own funder (always 0 for a release).
    pub refund: i128,
    pub protocol_fee: i128,
    pub platform_fee: i128,
    /// What `to` received: gross - protocol_fee - platform_fee.
    pub net: i128,
}

impl Payout {
    pub fn new(to: Address, split: &Split) -> Payout {
        Payout {
            to,
            gross: split.gross,
            refund: split.refund,
            protocol_fee: split.protocol_fee,
            platform_fee: split.platform_fee,
            net: split.net,
        }
    }
}

/// The constructor ran; `config` is the escrow as deployed.
#[contracttype]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Created {
    pub config: EscrowConfig,
}

/// `from` put `amount` in.
#[contracttype]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Funded {
    pub from: Address,
    pub amount: i128,
}

/// The service provider set milestone `index`'s status (and evidence, when given).
#[contracttype]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct StatusSet {
    pub index: u32,
    pub status: String,
    pub evidence: Option<String>,
}

/// `approver` approved milestone `index`; `approved` tells whether it now has enough approvals.
#[contracttype]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Approved {
    pub index: u32,
    pub approver: Address,
    pub approved: bool,
}

/// `signers` released the escrow (`index` None) or milestone `index`.
#[contracttype]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Released {
    pub index: Option<u32>,
    pub signers: Vec<Address>,
    pub payout: Payout,
}

/// `by` opened a dispute on the escrow (`index` None) or on milestone `index`.
#[contracttype]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Disputed {
    pub index: Option<u32>,
    pub by: Address,
    pub reason: String,
}

/// The dispute resolver settled the escrow's (`index` None) or milestone `index`'s dispute.
#[contracttype]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Resolved {
    pub index: Option<u32>,
    pub payouts: Vec<Payout>,
}

/// The dispute resolver distributed what was left in a finished escrow.
#[contracttype]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Withdrawn {
    pub payouts: Vec<Payout>,
}

/// `funder` got `amount` back after the deadline.
#[contracttype]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Refunded {
    pub funder: Address,
    pub amount: i128,
}

/// The platform replaced the config before funding; milestone progress starts afresh and
/// `terms_version` is the new terms' version (the constructor's are 1).
#[contracttype]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Updated {
    pub config: EscrowConfig,
    pub terms_version: u32,
}

const ESCROW: Symbol = symbol_short!("escrow");

/// Publishes each event struct under `("escrow", <action>)`.
macro_rules! actions {
    ($($event:ident => $action:literal,)*) => {$(
        impl $event {
            pub fn emit(self, env: &Env) {
                #[allow(deprecated)] // #[contractevent] would do the same with more code.
                env.events().publish((ESCROW, symbol_short!($action)), self);
            }
        }
    )*};
}

actions! {
    Created => "created",
    Funded => "funded",
    StatusSet => "status",
    Approved => "approved",
    Released => "released",
    Disputed => "disputed",
    Resolved => "resolved",
    Withdrawn => "withdrawn",
    Refunded => "refunded",
    Updated => "updated",
}
