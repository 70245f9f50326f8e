//! Moving tokens out: releases (one payee) and distributions (several), with their fees.

use soroban_sdk::{symbol_short, vec, Address, Env, IntoVal, Map, Vec};

use crate::storage::Funds;

use crate::errors::Error;
use crate::events::Payout;
use crate::fees;
use crate::storage::Terms;
use crate::validation::MAX_RECIPIENTS;

// The token is called directly rather than through `token::TokenClient`, whose function
// names are built at run time: one host import less for every call of the escrow.

/// The contract's live balance of the escrowed token.
pub fn balance(env: &Env, config: &Terms) -> i128 {
    let args = vec![env, env.current_contract_address().into_val(env)];
    env.invoke_contract(&config.token, &symbol_short!("balance"), args)
}

/// SEP-41 `transfer(from, to, amount)` of the escrowed token.
pub fn transfer(env: &Env, config: &Terms, from: &Address, to: &Address, amount: i128) {
    let args = vec![
        env,
        from.into_val(env),
        to.into_val(env),
        amount.into_val(env),
    ];
    env.invoke_contract::<()>(&config.token, &symbol_short!("transfer"), args);
}

/// Sends `amount` from the escrow to `to`, when there is anything to send.
pub fn send(env: &Env, config: &Terms, to: &Address, amount: i128) {
    if amount > 0 {
        transfer(env, config, &env.current_contract_address(), to, amount);
    }
}

/// Pays `gross` to `to` minus the fees, and the fees to their recipients.
pub fn release(env: &Env, config: &Terms, to: Address, gross: i128) -> Result<Payout, Error> {
    let split = fees::split(gross, 0, config.protocol_bps, config.platform_fee_bps)?;
    send(env, config, &to, split.net);
    send(env, config, &config.protocol_recipient, split.protocol_fee);
    send(env, config, &config.platform, split.platform_fee);
    Ok(Payout::new(to, &split))
}

/// A checked distribution, ready to be paid.
pub struct Distribution {
    pub payouts: Vec<Payout>,
    pub total: i128,
    protocol_fee: i128,
    platform_fee: i128,
    /// The funders' contributions after the fee-free refunds in this distribution.
    pub funds: Funds,
    /// Whether any share was a refund (so `funds` changed and must be saved).
    pub refunds: bool,
}

/// Checks `shares` (1–20 recipients, each share > 0, never the escrow itself) and splits
/// each share on its own: a funder's share is fee-free up to what they still have in.
pub fn plan(
    env: &Env,
    config: &Terms,
    shares: &Map<Address, i128>,
    mut funds: Funds,
) -> Result<Distribution, Error> {
    // Two lists instead of iterating the map: fewer distinct host functions.
    let (recipients, amounts) = (shares.keys(), shares.values());
    let count = recipients.len();
    if count == 0 || count > MAX_RECIPIENTS {
        return Err(Error::InvalidRecipientCount);
    }
    let this = env.current_contract_address();
    let mut payouts = Vec::from_array(env, []);
    let (mut total, mut protocol_fee, mut platform_fee) = (0i128, 0i128, 0i128);
    let mut refunds = false;
    for i in 0..count {
        let (to, share) = (recipients.get_unchecked(i), amounts.get_unchecked(i));
        if share <= 0 {
            return Err(Error::InvalidShare);
        }
        if to == this {
            return Err(Error::InvalidRecipient);
        }
        let held = funds.held(&to);
        let split = fees::split(share, held, config.protocol_bps, config.platform_fee_bps)?;
        if split.refund > 0 {
            funds.set(&to, held - split.refund);
            refunds = true;
        }
        total = total.checked_add(share).ok_or(Error::Overflow)?;
        protocol_fee = protocol_fee
            .checked_add(split.protocol_fee)
            .ok_or(Error::Overflow)?;
        platform_fee = platform_fee
            .checked_add(split.platform_fee)
            .ok_or(Error::Overflow)?;
        payouts.push_back(Payout::new(to, &split));
    }
    Ok(Distribution {
        payouts,
        total,
        protocol_fee,
        platform_fee,
        funds,
        refunds,
    })
}

/// Pays a planned distribution: each recipient's net, then the summed fees.
pub fn pay(env: &Env, config: &Terms, plan: &Distribution) {
    for payout in plan.payouts.iter() {
        send(env, config, &payout.to(), payout.net());
    }
    send(env, config, &config.protocol_recipient, plan.protocol_fee);
    send(env, config, &config.platform, plan.platform_fee);
}
