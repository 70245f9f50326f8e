//! CreateAccount: funds a new account from the source (CreateAccountOpFrame).

use super::ClassicContext;
use crate::backend::accounts::{self, available_balance, load_account, save_account};
use crate::backend::genesis::new_account;
use crate::backend::state::Overlay;
use soroban_env_host::xdr::{
    AccountId, CreateAccountOp, CreateAccountResult as R, LedgerEntryData,
};

pub fn apply(
    ov: &mut Overlay,
    ctx: &ClassicContext,
    source: &AccountId,
    op: &CreateAccountOp,
) -> R {
    if op.starting_balance < 0 || &op.destination == source {
        return R::Malformed;
    }
    if op.starting_balance < 2 * ctx.base_reserve as i64 {
        return R::LowReserve;
    }
    if load_account(ov, &op.destination).is_some() {
        return R::AlreadyExist;
    }
    let Some(mut src) = load_account(ov, source) else {
        return R::Underfunded;
    };
    if available_balance(&src, ctx.base_reserve) < op.starting_balance {
        return R::Underfunded;
    }
    src.balance -= op.starting_balance;
    save_account(ov, src);
    let LedgerEntryData::Account(fresh) =
        new_account(op.destination.clone(), op.starting_balance, ctx.ledger_seq).data
    else {
        unreachable!()
    };
    accounts::save_account(ov, fresh);
    R::Success
}
