//! The classic operations a dApp needs, one file each, with core's result codes.
//! Anything else fails with `opNOT_SUPPORTED` rather than being half-implemented.

mod change_trust;
pub use payment::trustline_asset;
mod create_account;
mod payment;
mod set_options;

use super::state::Overlay;
use soroban_env_host::xdr::{AccountId, OperationBody, OperationResult, OperationResultTr};

pub struct ClassicContext {
    pub ledger_seq: u32,
    pub base_reserve: u32,
}

/// Applies a classic operation; `None` means the operation is not a classic one.
pub fn apply(ov: &mut Overlay, ctx: &ClassicContext, source: &AccountId, body: &OperationBody) -> Option<OperationResult> {
    let tr = match body {
        OperationBody::CreateAccount(op) => OperationResultTr::CreateAccount(create_account::apply(ov, ctx, source, op)),
        OperationBody::Payment(op) => OperationResultTr::Payment(payment::apply(ov, ctx, source, op)),
        OperationBody::ChangeTrust(op) => OperationResultTr::ChangeTrust(change_trust::apply(ov, ctx, source, op)),
        OperationBody::SetOptions(op) => OperationResultTr::SetOptions(set_options::apply(ov, ctx, source, op)),
        OperationBody::InvokeHostFunction(_) | OperationBody::ExtendFootprintTtl(_) | OperationBody::RestoreFootprint(_) => {
            return None
        }
        _ => return Some(OperationResult::OpNotSupported),
    };
    Some(OperationResult::OpInner(tr))
}

/// Whether an operation result is a success (core: the inner code is 0).
pub fn is_success(r: &OperationResult) -> bool {
    use soroban_env_host::xdr::*;
    match r {
        OperationResult::OpInner(tr) => match tr {
            OperationResultTr::CreateAccount(r) => matches!(r, CreateAccountResult::Success),
            OperationResultTr::Payment(r) => matches!(r, PaymentResult::Success),
            OperationResultTr::ChangeTrust(r) => matches!(r, ChangeTrustResult::Success),
            OperationResultTr::SetOptions(r) => matches!(r, SetOptionsResult::Success),
            OperationResultTr::InvokeHostFunction(r) => matches!(r, InvokeHostFunctionResult::Success(_)),
            OperationResultTr::ExtendFootprintTtl(r) => matches!(r, ExtendFootprintTtlResult::Success),
            OperationResultTr::RestoreFootprint(r) => matches!(r, RestoreFootprintResult::Success),
            _ => false,
        },
        _ => false,
    }
}
