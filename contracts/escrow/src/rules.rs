//! Preconditions shared by several entry points.

use soroban_sdk::{Address, Env, Vec};

use crate::errors::Error;
use crate::storage::Terms;
use crate::storage::{self, Flagged, Progress, State, DISPUTED, REFUNDING, RELEASED, RESOLVED};
use crate::types::EscrowKind;

pub fn add(a: i128, b: i128) -> Result<i128, Error> {
    a.checked_add(b).ok_or(Error::Overflow)
}

pub fn kind(config: &Terms, expected: EscrowKind) -> Result<(), Error> {
    if config.kind() != expected {
        return Err(Error::WrongKind);
    }
    Ok(())
}

pub fn milestone(state: &State, index: u32) -> Result<Progress, Error> {
    state
        .milestones
        .get(index)
        .map(Progress::from)
        .ok_or(Error::MilestoneNotFound)
}

/// True once the ledger's time is past the deadline (never without one).
pub fn deadline_passed(env: &Env, config: &Terms) -> bool {
    matches!(config.deadline, Some(deadline) if env.ledger().timestamp() > deadline)
}

/// The escrow (Single) and the milestone are neither released nor resolved.
pub fn not_finished(config: &Terms, state: &State, milestone: &Progress) -> Result<(), Error> {
    let single = config.kind() == EscrowKind::Single;
    if milestone.is(RELEASED) || (single && state.is(RELEASED)) {
        return Err(Error::AlreadyReleased);
    }
    if milestone.is(RESOLVED) || (single && state.is(RESOLVED)) {
        return Err(Error::AlreadyResolved);
    }
    Ok(())
}

/// Money may still come in (and a Single escrow be disputed or released): nothing was
/// paid out for good and no refund was claimed.
pub fn open_for_money(config: &Terms, state: &State) -> Result<(), Error> {
    if state.is(REFUNDING) {
        return Err(Error::Refunding);
    }
    if config.kind() == EscrowKind::Single {
        if state.is(RELEASED) {
            return Err(Error::AlreadyReleased);
        }
        if state.is(RESOLVED) {
            return Err(Error::AlreadyResolved);
        }
    } else if finished(config, state) {
        return Err(Error::AlreadyReleased);
    }
    Ok(())
}

/// Nothing more can happen but distributing leftovers: Single released or resolved,
/// Multi every milestone released or resolved, or every contribution refunded.
pub fn finished(config: &Terms, state: &State) -> bool {
    let done = match config.kind() {
        EscrowKind::Single => state.is(RELEASED) || state.is(RESOLVED),
        EscrowKind::Multi => state
            .milestones
            .iter()
            .all(|m| m.is(RELEASED) || m.is(RESOLVED)),
    };
    done || (state.is(REFUNDING) && state.refunded == state.funded)
}

/// Refunds are open while nothing was released or resolved and no dispute is open.
pub fn refundable(state: &State) -> Result<(), Error> {
    // Bits of the escrow and of every milestone together.
    let all = state
        .milestones
        .iter()
        .fold(state.flags, |acc, m| acc | m.flags());
    let closed = all & (RELEASED | RESOLVED) != 0;
    let disputed = all & DISPUTED != 0;
    if closed {
        return Err(Error::RefundClosed);
    }
    if disputed {
        return Err(Error::Disputed);
    }
    Ok(())
}

/// `by` may open a dispute: a named party to the escrow (a role holder or a milestone
/// receiver), never the dispute resolver. Not a mere funder: anyone may fund one base unit,
/// and a dispute right bought that cheaply would let a stranger freeze any escrow; funders
/// are protected by the deadline refund instead (README: Who may dispute).
pub fn may_dispute(config: &Terms, by: &Address) -> Result<(), Error> {
    let roles = config;
    if *by == roles.dispute_resolver {
        return Err(Error::ResolverCannotDispute);
    }
    let party = storage::includes(&roles.approvers, by)
        || storage::includes(&roles.release_signers, by)
        || *by == roles.service_provider
        || *by == roles.receiver
        || *by == roles.platform
        || config
            .milestone_receivers
            .iter()
            .any(|r| r.as_ref() == Some(by));
    if !party {
        return Err(Error::NotAParty);
    }
    Ok(())
}

/// Checks that `signers` are distinct release signers, enough of them, and requires
/// each one's auth.
pub fn authorize_release(config: &Terms, signers: &Vec<Address>) -> Result<(), Error> {
    let roles = config;
    for i in 0..signers.len() {
        let signer = signers.get_unchecked(i);
        if !storage::includes(&roles.release_signers, &signer) {
            return Err(Error::NotReleaseSigner);
        }
        if (0..i).any(|j| signers.get_unchecked(j) == signer) {
            return Err(Error::DuplicateSigner);
        }
    }
    if signers.len() < roles.releases_required {
        return Err(Error::NotEnoughSigners);
    }
    for signer in signers.iter() {
        signer.require_auth();
    }
    Ok(())
}
