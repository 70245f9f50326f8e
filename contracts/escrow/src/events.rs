//! The escrow's events: topics `("escrow", <action>)`, data one of the tuple structs below,
//! which the host stores as vectors (no field names: as compact as the storage rows).
//! Together they let an indexer rebuild the escrow's state without reading storage:
//! `created`/`updated` carry the config (as the instance stores it), every later event what
//! changed and by whom. README.md, Events, gives each position.

use soroban_sdk::{contracttype, symbol_short, Address, Env, String, Symbol, Vec};

use crate::fees::Split;
use crate::storage::{TermsRow, Texts};

/// One recipient's part of a release or distribution: (to, gross, refund, protocol_fee,
/// platform_fee). `to` received `gross - protocol_fee - platform_fee`; `refund` is the part
/// paid back fee-free to its own funder (0 for a release).
#[contracttype]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Payout(pub Address, pub i128, pub i128, pub i128, pub i128);

impl Payout {
    pub fn new(to: Address, split: &Split) -> Payout {
        Payout(
            to,
            split.gross,
            split.refund,
            split.protocol_fee,
            split.platform_fee,
        )
    }

    pub fn to(&self) -> Address {
        self.0.clone()
    }

    /// What `to` received.
    pub fn net(&self) -> i128 {
        self.1 - self.3 - self.4
    }
}

/// The constructor ran: (terms, texts), the config as deployed, in the instance's layout.
#[contracttype]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Created(pub TermsRow, pub Texts);

/// (from, amount): `from` put `amount` in (what the escrow kept).
#[contracttype]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Funded(pub Address, pub i128);

/// (index, status, evidence): the service provider set milestone `index`'s status (and
/// evidence, when given; None: unchanged).
#[contracttype]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct StatusSet(pub u32, pub String, pub Option<String>);

/// (index, approver, approved): `approved` tells whether the milestone now has enough approvals.
#[contracttype]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Approved(pub u32, pub Address, pub bool);

/// (index, signers, payout): `signers` released the escrow (`index` None) or milestone `index`.
#[contracttype]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Released(pub Option<u32>, pub Vec<Address>, pub Payout);

/// (index, by, reason): `by` opened a dispute on the escrow (`index` None) or on milestone `index`.
#[contracttype]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Disputed(pub Option<u32>, pub Address, pub String);

/// (index, payouts): the resolver settled the escrow's (`index` None) or milestone `index`'s dispute.
#[contracttype]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Resolved(pub Option<u32>, pub Vec<Payout>);

/// (payouts,): the dispute resolver distributed what was left in a finished escrow.
#[contracttype]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Withdrawn(pub Vec<Payout>);

/// (funder, amount): `funder` got `amount` back after the deadline.
#[contracttype]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Refunded(pub Address, pub i128);

/// (terms, texts, terms_version): the platform replaced the config before funding; milestone
/// progress starts afresh; `terms_version` is the new version (the constructor's is 1).
#[contracttype]
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Updated(pub TermsRow, pub Texts, pub u32);

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
