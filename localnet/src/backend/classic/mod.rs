//! The classic operations a dApp needs, one file each, with core's result codes.
//! Anything else fails with `opNOT_SUPPORTED` rather than being half-implemented.

mod change_trust;
pub use payment::trustline_asset;
mod create_account;
pub mod events;
mod payment;
mod set_options;

use super::state::Overlay;
use soroban_env_host::xdr::{AccountId, OperationBody, OperationResult, OperationResultTr};

pub struct ClassicContext {
    pub ledger_seq: u32,
    pub base_reserve: u32,
    /// Names the asset contracts that CAP-67 events are emitted for.
    pub network_id: [u8; 32],
}

/// Applies a classic operation, adding the events it emits to `events`; `None` means
/// the operation is not a classic one.
pub fn apply(
    ov: &mut Overlay,
    ctx: &ClassicContext,
    source: &AccountId,
    body: &OperationBody,
    events: &mut Vec<soroban_env_host::xdr::ContractEvent>,
) -> Option<OperationResult> {
    let tr = match body {
        OperationBody::CreateAccount(op) => {
            let r = create_account::apply(ov, ctx, source, op);
            if matches!(r, soroban_env_host::xdr::CreateAccountResult::Success) {
                let to = soroban_env_host::xdr::MuxedAccount::Ed25519(
                    soroban_env_host::xdr::Uint256(super::accounts::public_key(&op.destination)),
                );
                events.push(events::movement(
                    ctx.network_id,
                    &soroban_env_host::xdr::Asset::Native,
                    None,
                    source,
                    &to,
                    op.starting_balance,
                ));
            }
            OperationResultTr::CreateAccount(r)
        }
        OperationBody::Payment(op) => {
            let r = payment::apply(ov, ctx, source, op);
            if matches!(r, soroban_env_host::xdr::PaymentResult::Success) {
                let issuer = payment::asset_issuer(&op.asset);
                events.push(events::movement(
                    ctx.network_id,
                    &op.asset,
                    issuer.as_ref(),
                    source,
                    &op.destination,
                    op.amount,
                ));
            }
            OperationResultTr::Payment(r)
        }
        OperationBody::ChangeTrust(op) => {
            OperationResultTr::ChangeTrust(change_trust::apply(ov, ctx, source, op))
        }
        OperationBody::SetOptions(op) => {
            OperationResultTr::SetOptions(set_options::apply(ov, ctx, source, op))
        }
        OperationBody::InvokeHostFunction(_)
        | OperationBody::ExtendFootprintTtl(_)
        | OperationBody::RestoreFootprint(_) => return None,
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
            OperationResultTr::InvokeHostFunction(r) => {
                matches!(r, InvokeHostFunctionResult::Success(_))
            }
            OperationResultTr::ExtendFootprintTtl(r) => {
                matches!(r, ExtendFootprintTtlResult::Success)
            }
            OperationResultTr::RestoreFootprint(r) => matches!(r, RestoreFootprintResult::Success),
            _ => false,
        },
        _ => false,
    }
}
