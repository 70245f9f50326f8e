//! The Soroban operations, applied by the real host through `e2e_invoke` the way core's
//! InvokeHostFunctionOpFrame, ExtendFootprintTTLOpFrame and RestoreFootprintOpFrame
//! drive it: footprint entries in, ledger changes, events and rent out, with core's
//! resource checks and result codes around the call.

mod invoke;
mod snapshot;
mod ttl;

pub use invoke::invoke;
pub use snapshot::{with_snapshot, StateSnapshot};
pub use ttl::{extend_ttl, restore};

use soroban_env_host::budget::Budget;
use soroban_env_host::e2e_invoke::entry_size_for_rent;
use soroban_env_host::xdr::{
    ContractEvent, DiagnosticEvent, InvokeHostFunctionResult, LedgerEntry, Limits, OperationResult,
    OperationResultTr, ScVal, SorobanTransactionData, SorobanTransactionDataExt, WriteXdr,
};
use soroban_env_host::LedgerInfo;
use soroban_simulation::NetworkConfig;

pub struct SorobanContext<'a> {
    pub ledger_info: LedgerInfo,
    pub network: &'a NetworkConfig,
    /// Seed for the host's PRNG: core derives it from the tx set hash and the position.
    pub prng_seed: [u8; 32],
    /// Compiled modules of live contract code (None only where no cache exists).
    pub modules: Option<soroban_env_host::ModuleCache>,
}

/// What a Soroban operation produced, besides its ledger writes.
#[derive(Default)]
pub struct SorobanOutcome {
    pub result: Option<OperationResult>,
    pub events: Vec<ContractEvent>,
    pub return_value: Option<ScVal>,
    pub diagnostics: Vec<DiagnosticEvent>,
    /// Rent plus events fee: the part of the refundable fee that was used.
    pub refundable_used: i64,
    pub rent_fee: i64,
}

pub(super) fn ihf(r: InvokeHostFunctionResult) -> Option<OperationResult> {
    Some(OperationResult::OpInner(
        OperationResultTr::InvokeHostFunction(r),
    ))
}

pub(super) fn xdr_len<T: WriteXdr>(v: &T) -> u32 {
    v.to_xdr(Limits::none())
        .map(|b| b.len() as u32)
        .unwrap_or(u32::MAX)
}

/// Size of an entry as rent counts it (Wasm gets its in-memory module cost added).
pub fn rent_size(entry: &LedgerEntry) -> u32 {
    let budget = Budget::default();
    entry_size_for_rent(&budget, entry, xdr_len(entry)).unwrap_or(xdr_len(entry))
}

pub(super) fn restored_indices(data: &SorobanTransactionData) -> Vec<u32> {
    match &data.ext {
        SorobanTransactionDataExt::V1(e) => e.archived_soroban_entries.to_vec(),
        SorobanTransactionDataExt::V0 => vec![],
    }
}
