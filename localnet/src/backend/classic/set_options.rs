//! SetOptions: flags, master weight, thresholds, home domain and signers.

use super::ClassicContext;
use crate::backend::accounts::{load_account, min_balance, public_key, save_account};
use crate::backend::state::Overlay;
use soroban_env_host::xdr::{
    AccountFlags, AccountId, SetOptionsOp, SetOptionsResult as R, Signer, SignerKey,
};

const MAX_SIGNERS: usize = 20;
const ALL_FLAGS: u32 = AccountFlags::RequiredFlag as u32
    | AccountFlags::RevocableFlag as u32
    | AccountFlags::ImmutableFlag as u32
    | AccountFlags::ClawbackEnabledFlag as u32;

pub fn apply(ov: &mut Overlay, ctx: &ClassicContext, source: &AccountId, op: &SetOptionsOp) -> R {
    let Some(mut a) = load_account(ov, source) else {
        return R::BadFlags;
    };
    let set = op.set_flags.unwrap_or(0);
    let clear = op.clear_flags.unwrap_or(0);
    if set & clear != 0 {
        return R::BadFlags;
    }
    if (set | clear) & !ALL_FLAGS != 0 {
        return R::UnknownFlag;
    }
    for w in [
        op.master_weight,
        op.low_threshold,
        op.med_threshold,
        op.high_threshold,
    ]
    .into_iter()
    .flatten()
    {
        if w > 255 {
            return R::ThresholdOutOfRange;
        }
    }
    if let Some(dest) = &op.inflation_dest {
        if load_account(ov, dest).is_none() {
            return R::InvalidInflation;
        }
        a.inflation_dest = Some(dest.clone());
    }
    if (set | clear) != 0 {
        if a.flags & AccountFlags::ImmutableFlag as u32 != 0 {
            return R::CantChange;
        }
        a.flags = (a.flags | set) & !clear;
        if a.flags & AccountFlags::ClawbackEnabledFlag as u32 != 0
            && a.flags & AccountFlags::RevocableFlag as u32 == 0
        {
            return R::AuthRevocableRequired;
        }
    }
    if let Some(w) = op.master_weight {
        a.thresholds.0[0] = w as u8;
    }
    if let Some(w) = op.low_threshold {
        a.thresholds.0[1] = w as u8;
    }
    if let Some(w) = op.med_threshold {
        a.thresholds.0[2] = w as u8;
    }
    if let Some(w) = op.high_threshold {
        a.thresholds.0[3] = w as u8;
    }
    if let Some(d) = &op.home_domain {
        a.home_domain = d.clone();
    }
    if let Some(signer) = &op.signer {
        if let Err(code) = set_signer(&mut a, signer, ctx.base_reserve) {
            return code;
        }
    }
    save_account(ov, a);
    R::Success
}

fn set_signer(
    a: &mut soroban_env_host::xdr::AccountEntry,
    signer: &Signer,
    base_reserve: u32,
) -> Result<(), R> {
    if signer.weight > 255 {
        return Err(R::BadSigner);
    }
    if let SignerKey::Ed25519(k) = &signer.key {
        if k.0 == public_key(&a.account_id) {
            return Err(R::BadSigner);
        }
    }
    let mut signers: Vec<Signer> = a.signers.to_vec();
    let existing = signers.iter().position(|s| s.key == signer.key);
    match (existing, signer.weight) {
        (Some(i), 0) => {
            signers.remove(i);
            a.num_sub_entries -= 1;
        }
        (Some(i), w) => signers[i].weight = w,
        (None, 0) => {}
        (None, _) => {
            if signers.len() >= MAX_SIGNERS {
                return Err(R::TooManySigners);
            }
            a.num_sub_entries += 1;
            if a.balance < min_balance(a, base_reserve) {
                return Err(R::LowReserve);
            }
            signers.push(signer.clone());
            signers.sort_by(|x, y| x.key.cmp(&y.key));
        }
    }
    a.signers = signers.try_into().map_err(|_| R::TooManySigners)?;
    Ok(())
}
