//! Payment: native or credit, including an issuer minting (paying from itself) and
//! burning (being paid). Result codes follow PaymentOpFrame's remapping.

use super::ClassicContext;
use crate::backend::accounts::{
    self, available_balance, load_account, load_trustline, max_receive, save_account,
};
use crate::backend::state::Overlay;
use crate::backend::validation::muxed_to_account;
use soroban_env_host::xdr::{
    AccountId, Asset, PaymentOp, PaymentResult as R, TrustLineAsset, TrustLineFlags,
};

pub fn asset_issuer(asset: &Asset) -> Option<AccountId> {
    match asset {
        Asset::Native => None,
        Asset::CreditAlphanum4(a) => Some(a.issuer.clone()),
        Asset::CreditAlphanum12(a) => Some(a.issuer.clone()),
    }
}

pub fn trustline_asset(asset: &Asset) -> TrustLineAsset {
    match asset {
        Asset::Native => TrustLineAsset::Native,
        Asset::CreditAlphanum4(a) => TrustLineAsset::CreditAlphanum4(a.clone()),
        Asset::CreditAlphanum12(a) => TrustLineAsset::CreditAlphanum12(a.clone()),
    }
}

fn authorized(flags: u32) -> bool {
    flags & (TrustLineFlags::AuthorizedFlag as u32) != 0
}

pub fn apply(ov: &mut Overlay, ctx: &ClassicContext, source: &AccountId, op: &PaymentOp) -> R {
    if op.amount <= 0 {
        return R::Malformed;
    }
    let dest = muxed_to_account(&op.destination);
    if load_account(ov, &dest).is_none() {
        return R::NoDestination;
    }
    match asset_issuer(&op.asset) {
        None => pay_native(ov, ctx, source, &dest, op.amount),
        Some(issuer) => pay_credit(
            ov,
            source,
            &dest,
            &issuer,
            &trustline_asset(&op.asset),
            op.amount,
        ),
    }
}

fn pay_native(
    ov: &mut Overlay,
    ctx: &ClassicContext,
    source: &AccountId,
    dest: &AccountId,
    amount: i64,
) -> R {
    if source == dest {
        return R::Success;
    }
    let Some(mut src) = load_account(ov, source) else {
        return R::Underfunded;
    };
    if available_balance(&src, ctx.base_reserve) < amount {
        return R::Underfunded;
    }
    let Some(mut dst) = load_account(ov, dest) else {
        return R::NoDestination;
    };
    if max_receive(&dst) < amount {
        return R::LineFull;
    }
    src.balance -= amount;
    save_account(ov, src);
    dst.balance += amount;
    save_account(ov, dst);
    R::Success
}

fn pay_credit(
    ov: &mut Overlay,
    source: &AccountId,
    dest: &AccountId,
    issuer: &AccountId,
    asset: &TrustLineAsset,
    amount: i64,
) -> R {
    if load_account(ov, issuer).is_none() {
        return R::NoIssuer;
    }
    // Debit first: the issuer mints from nothing, anyone else needs an authorised line.
    if source != issuer {
        let Some(mut line) = load_trustline(ov, source, asset) else {
            return R::SrcNoTrust;
        };
        if !authorized(line.flags) {
            return R::SrcNotAuthorized;
        }
        let selling = accounts::trustline_liabilities(&line).selling;
        if line.balance - selling < amount {
            return R::Underfunded;
        }
        line.balance -= amount;
        accounts::save_trustline(ov, line);
    }
    // Credit: paying the issuer burns.
    if dest != issuer {
        let Some(mut line) = load_trustline(ov, dest, asset) else {
            return R::NoTrust;
        };
        if !authorized(line.flags) {
            return R::NotAuthorized;
        }
        let buying = accounts::trustline_liabilities(&line).buying;
        if line.limit - line.balance - buying < amount {
            return R::LineFull;
        }
        line.balance += amount;
        accounts::save_trustline(ov, line);
    }
    R::Success
}
