//! ChangeTrust: opens, changes the limit of, or (limit 0) closes a trustline.

use super::payment::asset_issuer;
use super::ClassicContext;
use crate::backend::accounts::{
    self, load_account, load_trustline, min_balance, save_account, save_trustline,
};
use crate::backend::state::Overlay;
use soroban_env_host::xdr::{
    AccountFlags, AccountId, Asset, ChangeTrustAsset, ChangeTrustOp, ChangeTrustResult as R,
    TrustLineAsset, TrustLineEntry, TrustLineEntryExt, TrustLineFlags,
};

pub fn apply(ov: &mut Overlay, ctx: &ClassicContext, source: &AccountId, op: &ChangeTrustOp) -> R {
    let asset = match &op.line {
        ChangeTrustAsset::Native => return R::Malformed,
        ChangeTrustAsset::PoolShare(_) => return R::Malformed,
        ChangeTrustAsset::CreditAlphanum4(a) => Asset::CreditAlphanum4(a.clone()),
        ChangeTrustAsset::CreditAlphanum12(a) => Asset::CreditAlphanum12(a.clone()),
    };
    let issuer = asset_issuer(&asset).expect("credit asset");
    if op.limit < 0 || &issuer == source {
        return R::Malformed;
    }
    let line_asset = match &asset {
        Asset::CreditAlphanum4(a) => TrustLineAsset::CreditAlphanum4(a.clone()),
        Asset::CreditAlphanum12(a) => TrustLineAsset::CreditAlphanum12(a.clone()),
        Asset::Native => unreachable!(),
    };
    let Some(mut account) = load_account(ov, source) else {
        return R::Malformed;
    };
    match load_trustline(ov, source, &line_asset) {
        Some(mut line) => {
            let buying = accounts::trustline_liabilities(&line).buying;
            if op.limit == 0 {
                if line.balance != 0 || buying != 0 {
                    return R::InvalidLimit;
                }
                accounts::delete_trustline(ov, source, &line_asset);
                account.num_sub_entries -= 1;
                save_account(ov, account);
                return R::Success;
            }
            if op.limit < line.balance + buying {
                return R::InvalidLimit;
            }
            if load_account(ov, &issuer).is_none() {
                return R::NoIssuer;
            }
            line.limit = op.limit;
            save_trustline(ov, line);
            R::Success
        }
        None => {
            if op.limit == 0 {
                return R::InvalidLimit;
            }
            let Some(issuer_account) = load_account(ov, &issuer) else {
                return R::NoIssuer;
            };
            account.num_sub_entries += 1;
            if account.balance < min_balance(&account, ctx.base_reserve) {
                return R::LowReserve;
            }
            let mut flags = 0;
            if issuer_account.flags & (AccountFlags::RequiredFlag as u32) == 0 {
                flags |= TrustLineFlags::AuthorizedFlag as u32;
            }
            if issuer_account.flags & (AccountFlags::ClawbackEnabledFlag as u32) != 0 {
                flags |= TrustLineFlags::TrustlineClawbackEnabledFlag as u32;
            }
            save_account(ov, account);
            save_trustline(
                ov,
                TrustLineEntry {
                    account_id: source.clone(),
                    asset: line_asset,
                    balance: 0,
                    limit: op.limit,
                    flags,
                    ext: TrustLineEntryExt::V0,
                },
            );
            R::Success
        }
    }
}
