//! OpenEscrow: a non-custodial escrow for Soroban, single- or multi-release.
//!
//! One contract instance is one escrow. Everything is fixed by the constructor (deploy
//! and initialise are one atomic step); funds move only when the roles in the config
//! sign. See README.md for the lifecycle, the errors, the events and the fee rules.
#![no_std]

mod contract;
mod errors;
mod events;
mod fees;
mod funds;
mod payout;
mod rules;
mod state;
pub(crate) mod storage;
mod types;
mod validation;

pub use contract::{EscrowContract, EscrowContractArgs, EscrowContractClient};
pub use errors::Error;
pub use events::{
    Approved, Created, Disputed, Funded, Payout, Refunded, Released, Resolved, StatusSet, Updated,
    Withdrawn,
};
pub use fees::{bps_of, split, Split};
pub use storage::{TermsRow, Texts};
pub use types::{Escrow, EscrowConfig, EscrowKind, Milestone, MilestoneConfig, ProtocolFee, Roles};

#[cfg(test)]
extern crate std;
#[cfg(test)]
mod test;
