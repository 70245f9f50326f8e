//! The rules a config must follow, checked by the constructor and by `update`.

use soroban_sdk::{Address, Env, String, Vec};

use crate::errors::Error;
use crate::types::{EscrowConfig, EscrowKind};

pub const MAX_ID_LEN: u32 = 100;
pub const MAX_TITLE_LEN: u32 = 100;
pub const MAX_TEXT_LEN: u32 = 500;
pub const MAX_STATUS_LEN: u32 = 50;
pub const MAX_SIGNERS: u32 = 5;
pub const MAX_MILESTONES: u32 = 20;
pub const MAX_RECIPIENTS: u32 = 20;

/// Lengths are counted in UTF-8 bytes, the unit the host stores strings in.
pub fn text(value: &String, max: u32) -> Result<(), Error> {
    if value.len() > max {
        return Err(Error::TextTooLong);
    }
    Ok(())
}

/// True when `list` has between 1 and 5 addresses, none twice.
fn distinct_group(list: &Vec<Address>) -> bool {
    let len = list.len();
    if len == 0 || len > MAX_SIGNERS {
        return false;
    }
    for i in 1..len {
        let item = list.get_unchecked(i);
        for j in 0..i {
            if list.get_unchecked(j) == item {
                return false;
            }
        }
    }
    true
}

/// Checks every rule of the config and returns the escrow's total
/// (Single: `amount`; Multi: the sum of the milestone amounts).
pub fn config(env: &Env, config: &EscrowConfig) -> Result<i128, Error> {
    text(&config.engagement_id, MAX_ID_LEN)?;
    text(&config.title, MAX_TITLE_LEN)?;
    text(&config.description, MAX_TEXT_LEN)?;

    let roles = &config.roles;
    if !distinct_group(&roles.approvers) {
        return Err(Error::InvalidApprovers);
    }
    if roles.approvals_required == 0 || roles.approvals_required > roles.approvers.len() {
        return Err(Error::InvalidApprovalsRequired);
    }
    if !distinct_group(&roles.release_signers) {
        return Err(Error::InvalidReleaseSigners);
    }
    if roles.releases_required == 0 || roles.releases_required > roles.release_signers.len() {
        return Err(Error::InvalidReleasesRequired);
    }
    if config.platform_fee_bps as u64 + config.protocol_fee.bps as u64 > 10_000 {
        return Err(Error::InvalidFees);
    }

    let count = config.milestones.len();
    if count == 0 || count > MAX_MILESTONES {
        return Err(Error::InvalidMilestoneCount);
    }
    let single = config.kind == EscrowKind::Single;
    let amount_valid = if single {
        config.amount > 0
    } else {
        config.amount == 0
    };
    if !amount_valid {
        return Err(Error::InvalidAmount);
    }
    let mut total = config.amount;
    for milestone in config.milestones.iter() {
        text(&milestone.description, MAX_TEXT_LEN)?;
        let valid = if single {
            milestone.amount == 0 && milestone.receiver.is_none()
        } else {
            milestone.amount > 0
        };
        if !valid {
            return Err(Error::InvalidMilestoneAmount);
        }
        total = total.checked_add(milestone.amount).ok_or(Error::Overflow)?;
    }

    // The escrow never pays itself: its own address may hold no paid role.
    let this = env.current_contract_address();
    let payees_ok = roles.receiver != this
        && roles.platform != this
        && config.protocol_fee.recipient != this
        && config
            .milestones
            .iter()
            .all(|m| m.receiver.as_ref() != Some(&this));
    if !payees_ok {
        return Err(Error::InvalidRecipient);
    }

    if let Some(deadline) = config.deadline {
        if deadline <= env.ledger().timestamp() {
            return Err(Error::InvalidDeadline);
        }
    }
    Ok(total)
}
