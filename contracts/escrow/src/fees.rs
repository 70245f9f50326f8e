//! Fee arithmetic, free of any host call so that property tests can drive it directly.
//!
//! For a payout of `gross`: `protocol = floor(gross * protocol_bps / 10000)`,
//! `platform = floor(gross * platform_bps / 10000)`, `net = gross - protocol - platform`.
//! A share paid back to a funder, up to what that funder still has in the escrow, is a
//! refund: it bears no fee.

use crate::errors::Error;

pub const BPS_DENOMINATOR: i128 = 10_000;

/// How one payout divides between its recipient and the two fee recipients.
#[derive(Clone, Copy, Debug, Default, Eq, PartialEq)]
pub struct Split {
    /// The whole share.
    pub gross: i128,
    /// The fee-free part (a funder getting their own money back).
    pub refund: i128,
    pub protocol_fee: i128,
    pub platform_fee: i128,
    /// What the recipient receives: `gross - protocol_fee - platform_fee`.
    pub net: i128,
}

/// `floor(amount * bps / 10000)` for `amount >= 0` and `bps <= 10000`, computed without
/// ever forming `amount * bps`, so no amount can overflow it.
pub fn bps_of(amount: i128, bps: u32) -> i128 {
    let bps = bps as i128;
    (amount / BPS_DENOMINATOR) * bps + (amount % BPS_DENOMINATOR) * bps / BPS_DENOMINATOR
}

/// Splits `gross` when up to `refundable` of it goes back to its own funder fee-free.
/// Requires `gross > 0`, `refundable >= 0` and `protocol_bps + platform_bps <= 10000`
/// (the constructor enforces the last).
pub fn split(
    gross: i128,
    refundable: i128,
    protocol_bps: u32,
    platform_bps: u32,
) -> Result<Split, Error> {
    let refund = if refundable < gross {
        refundable.max(0)
    } else {
        gross
    };
    let feeable = gross.checked_sub(refund).ok_or(Error::Overflow)?;
    let protocol_fee = bps_of(feeable, protocol_bps);
    let platform_fee = bps_of(feeable, platform_bps);
    let net = gross
        .checked_sub(protocol_fee)
        .and_then(|n| n.checked_sub(platform_fee))
        .ok_or(Error::Overflow)?;
    Ok(Split {
        gross,
        refund,
        protocol_fee,
        platform_fee,
        net,
    })
}
