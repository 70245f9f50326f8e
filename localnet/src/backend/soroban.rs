//! The Soroban operations, applied by the real host through `e2e_invoke` the way core's
//! InvokeHostFunctionOpFrame, ExtendFootprintTTLOpFrame and RestoreFootprintOpFrame
//! drive it: footprint entries in, ledger changes, events and rent out, with core's
//! resource checks and result codes around the call.

use super::fees;
use super::network_settings as s;
use super::state::{durability, key_bytes, liveness, Liveness, Overlay, State, StoredEntry};
use sha2::{Digest, Sha256};
use soroban_env_host::budget::Budget;
use soroban_env_host::e2e_invoke::{self, entry_size_for_rent, extract_rent_changes, TtlLedgerEntryMeta};
use soroban_env_host::fees::{compute_rent_fee, LedgerEntryRentChange};
use soroban_env_host::storage::{EntryWithLiveUntil, SnapshotSource};
use soroban_env_host::xdr::{
    AccountId, ContractDataDurability, ContractEvent, DiagnosticEvent, ExtendFootprintTtlOp,
    ExtendFootprintTtlResult, Hash, InvokeHostFunctionOp, InvokeHostFunctionResult, InvokeHostFunctionSuccessPreImage,
    LedgerEntry, LedgerEntryType, LedgerKey, Limits, OperationResult, OperationResultTr, ReadXdr,
    RestoreFootprintResult, ScVal, SorobanTransactionData, SorobanTransactionDataExt, WriteXdr,
};
use soroban_env_host::{HostError, LedgerInfo};
use soroban_simulation::NetworkConfig;
use std::rc::Rc;

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

fn ihf(r: InvokeHostFunctionResult) -> Option<OperationResult> {
    Some(OperationResult::OpInner(OperationResultTr::InvokeHostFunction(r)))
}

fn xdr_len<T: WriteXdr>(v: &T) -> u32 {
    v.to_xdr(Limits::none()).map(|b| b.len() as u32).unwrap_or(u32::MAX)
}

/// Size of an entry as rent counts it (Wasm gets its in-memory module cost added).
pub fn rent_size(entry: &LedgerEntry) -> u32 {
    let budget = Budget::default();
    entry_size_for_rent(&budget, entry, xdr_len(entry)).unwrap_or(xdr_len(entry))
}

fn restored_indices(data: &SorobanTransactionData) -> Vec<u32> {
    match &data.ext {
        SorobanTransactionDataExt::V1(e) => e.archived_soroban_entries.to_vec(),
        SorobanTransactionDataExt::V0 => vec![],
    }
}

pub fn invoke(
    ov: &mut Overlay,
    ctx: &SorobanContext,
    data: &SorobanTransactionData,
    source: &AccountId,
    op: &InvokeHostFunctionOp,
    max_refundable: i64,
) -> SorobanOutcome {
    use InvokeHostFunctionResult as R;
    let mut out = SorobanOutcome::default();
    let seq = ctx.ledger_info.sequence_number;
    let fp = &data.resources.footprint;
    let restored = restored_indices(data);
    let restored_live_until = seq + ctx.network.min_persistent_entry_ttl - 1;

    // Gather the footprint's entries, read-only then read-write, as the host expects.
    let mut inputs: Vec<(Option<Vec<u8>>, Option<TtlLedgerEntryMeta>)> = vec![];
    let mut disk_read_bytes: u64 = 0;
    let keys: Vec<(bool, usize, &LedgerKey)> = fp
        .read_only
        .iter()
        .enumerate()
        .map(|(i, k)| (false, i, k))
        .chain(fp.read_write.iter().enumerate().map(|(i, k)| (true, i, k)))
        .collect();
    for (rw, index, key) in &keys {
        let stored = ov.get_key(key);
        let is_restore = *rw && restored.contains(&(*index as u32));
        let (entry, live_until) = match liveness(stored.as_ref(), key, seq) {
            Liveness::Missing => (None, None),
            Liveness::Live(s) => (Some(s.entry), s.live_until),
            Liveness::Archived(s) => {
                if !is_restore {
                    out.diagnostics.push(super::error_event("an archived entry in the footprint is not marked for restoration"));
                    out.result = ihf(R::EntryArchived);
                    return out;
                }
                (Some(s.entry), Some(restored_live_until))
            }
        };
        let bytes = entry.as_ref().map(|e| e.to_xdr(Limits::none()).expect("entries encode"));
        if durability(key).is_none() || is_restore {
            disk_read_bytes += bytes.as_ref().map(|b| b.len() as u64).unwrap_or(0);
        }
        let ttl = match (&entry, live_until) {
            (Some(e), Some(l)) => Some(TtlLedgerEntryMeta { live_until_ledger: l, entry_size_for_rent: rent_size(e) }),
            _ => None,
        };
        inputs.push((bytes, ttl));
    }
    if disk_read_bytes > data.resources.disk_read_bytes as u64 {
        out.diagnostics.push(super::error_event(&format!(
            "disk read bytes {disk_read_bytes} exceed the declared {}", data.resources.disk_read_bytes
        )));
        out.result = ihf(R::ResourceLimitExceeded);
        return out;
    }

    let budget = match Budget::try_from_configs(
        data.resources.instructions as u64,
        ctx.network.tx_memory_limit as u64,
        ctx.network.cpu_cost_params.clone(),
        ctx.network.memory_cost_params.clone(),
    ) {
        Ok(b) => b,
        Err(_) => {
            out.result = ihf(R::Trapped);
            return out;
        }
    };
    let encode = |v: &dyn Fn() -> Result<Vec<u8>, soroban_env_host::xdr::Error>| v().unwrap_or_default();
    let host_fn = encode(&|| op.host_function.to_xdr(Limits::none()));
    let resources = encode(&|| data.resources.to_xdr(Limits::none()));
    let source_xdr = encode(&|| source.to_xdr(Limits::none()));
    let auth: Vec<Vec<u8>> = op.auth.iter().map(|a| a.to_xdr(Limits::none()).unwrap_or_default()).collect();
    let result = e2e_invoke::invoke_host_function(
        &budget,
        true,
        host_fn,
        resources,
        &restored,
        source_xdr,
        auth.into_iter(),
        ctx.ledger_info.clone(),
        inputs.into_iter(),
        ctx.prng_seed.to_vec(),
        &mut out.diagnostics,
        None,
        ctx.modules.clone(),
    );
    let over_budget = || {
        budget.get_cpu_insns_consumed().unwrap_or(0) > data.resources.instructions as u64
            || budget.get_mem_bytes_consumed().unwrap_or(0) > ctx.network.tx_memory_limit as u64
    };
    let result = match result {
        Ok(r) if r.encoded_invoke_result.is_ok() => r,
        Ok(r) => {
            let e = r.encoded_invoke_result.err().map(|e| format!("{e:?}")).unwrap_or_default();
            out.result = ihf(if over_budget() { R::ResourceLimitExceeded } else { R::Trapped });
            if over_budget() {
                out.diagnostics.push(super::error_event(&budget_report(&budget, data, ctx)));
            }
            let _ = e;
            return out;
        }
        Err(e) => {
            // The host stopped before it could hand back its own diagnostics.
            out.diagnostics.push(super::error_event(&format!("{e:?}")));
            if over_budget() {
                out.diagnostics.push(super::error_event(&budget_report(&budget, data, ctx)));
            }
            out.result = ihf(if over_budget() { R::ResourceLimitExceeded } else { R::Trapped });
            return out;
        }
    };

    let mut write_bytes: u64 = 0;
    for change in &result.ledger_changes {
        let Ok(key) = LedgerKey::from_xdr(&change.encoded_key, Limits::none()) else { continue };
        let new_live_until = change.ttl_change.as_ref().map(|t| t.new_live_until_ledger);
        if change.read_only {
            // Read-only entries can only have their TTL extended.
            if let (Some(t), Some(mut stored)) = (&change.ttl_change, ov.get_key(&key)) {
                if t.new_live_until_ledger > t.old_live_until_ledger && stored.live_until != Some(t.new_live_until_ledger) {
                    stored.live_until = Some(t.new_live_until_ledger);
                    ov.put(key_bytes(&key), Some(stored));
                }
            }
            continue;
        }
        match &change.encoded_new_value {
            Some(bytes) => {
                write_bytes += bytes.len() as u64;
                let Ok(entry) = LedgerEntry::from_xdr(bytes, Limits::none()) else { continue };
                if let Some(why) = oversized(&entry, bytes.len()) {
                    out.diagnostics.push(super::error_event(&why));
                    out.result = ihf(R::ResourceLimitExceeded);
                    return out;
                }
                ov.put(key_bytes(&key), Some(StoredEntry { entry, live_until: new_live_until }));
            }
            None => ov.put(key_bytes(&key), None),
        }
    }
    if write_bytes > data.resources.write_bytes as u64 {
        out.diagnostics.push(super::error_event(&format!("write bytes {write_bytes} exceed the declared {}", data.resources.write_bytes)));
        out.result = ihf(R::ResourceLimitExceeded);
        return out;
    }
    let return_value = ScVal::from_xdr(result.encoded_invoke_result.as_ref().expect("checked ok"), Limits::none())
        .unwrap_or(ScVal::Void);
    let mut events_size = xdr_len(&return_value);
    for e in &result.encoded_contract_events {
        events_size += e.len() as u32;
        if let Ok(ev) = ContractEvent::from_xdr(e, Limits::none()) {
            out.events.push(ev);
        }
    }
    if events_size > s::TX_MAX_CONTRACT_EVENTS_SIZE_BYTES {
        out.diagnostics.push(super::error_event(&format!("events and return value take {events_size} bytes, over the network limit")));
        out.result = ihf(R::ResourceLimitExceeded);
        out.events.clear();
        return out;
    }
    let rent_changes = extract_rent_changes(&result.ledger_changes);
    out.rent_fee = compute_rent_fee(&rent_changes, &ctx.network.rent_fee_configuration, seq);
    out.refundable_used = out.rent_fee + fees::events_fee(ctx.network, events_size);
    if out.refundable_used > max_refundable {
        out.diagnostics.push(super::error_event(&format!(
            "refundable fee {max_refundable} does not cover rent and events {}", out.refundable_used
        )));
        out.result = ihf(R::InsufficientRefundableFee);
        out.events.clear();
        return out;
    }
    let preimage = InvokeHostFunctionSuccessPreImage {
        return_value: return_value.clone(),
        events: out.events.clone().try_into().unwrap_or_default(),
    };
    let hash: [u8; 32] = Sha256::digest(preimage.to_xdr(Limits::none()).unwrap_or_default()).into();
    out.return_value = Some(return_value);
    out.result = ihf(R::Success(Hash(hash)));
    out
}

fn rent_change(entry: &LedgerEntry, key: &LedgerKey, old_live_until: u32, new_live_until: u32, restore: bool) -> LedgerEntryRentChange {
    let size = rent_size(entry);
    LedgerEntryRentChange {
        is_persistent: durability(key) == Some(ContractDataDurability::Persistent),
        is_code_entry: key.discriminant() == LedgerEntryType::ContractCode,
        old_size_bytes: if restore { 0 } else { size },
        new_size_bytes: size,
        old_live_until_ledger: if restore { 0 } else { old_live_until },
        new_live_until_ledger: new_live_until,
    }
}

pub fn extend_ttl(
    ov: &mut Overlay,
    ctx: &SorobanContext,
    data: &SorobanTransactionData,
    op: &ExtendFootprintTtlOp,
    max_refundable: i64,
) -> SorobanOutcome {
    use ExtendFootprintTtlResult as R;
    let wrap = |r| Some(OperationResult::OpInner(OperationResultTr::ExtendFootprintTtl(r)));
    let mut out = SorobanOutcome::default();
    let fp = &data.resources.footprint;
    let seq = ctx.ledger_info.sequence_number;
    if !fp.read_write.is_empty()
        || fp.read_only.iter().any(|k| durability(k).is_none())
        || op.extend_to > ctx.network.max_entry_ttl - 1
    {
        out.result = wrap(R::Malformed);
        return out;
    }
    let new_live_until = seq + op.extend_to;
    let mut changes = vec![];
    for key in fp.read_only.iter() {
        let Liveness::Live(mut stored) = liveness(ov.get_key(key).as_ref(), key, seq) else { continue };
        let old = stored.live_until.unwrap_or(0);
        if old >= new_live_until {
            continue;
        }
        changes.push(rent_change(&stored.entry, key, old, new_live_until, false));
        stored.live_until = Some(new_live_until);
        ov.put(key_bytes(key), Some(stored));
    }
    out.rent_fee = compute_rent_fee(&changes, &ctx.network.rent_fee_configuration, seq);
    out.refundable_used = out.rent_fee;
    out.result = wrap(if out.rent_fee > max_refundable { R::InsufficientRefundableFee } else { R::Success });
    out
}

pub fn restore(ov: &mut Overlay, ctx: &SorobanContext, data: &SorobanTransactionData, max_refundable: i64) -> SorobanOutcome {
    use RestoreFootprintResult as R;
    let wrap = |r| Some(OperationResult::OpInner(OperationResultTr::RestoreFootprint(r)));
    let mut out = SorobanOutcome::default();
    let fp = &data.resources.footprint;
    let seq = ctx.ledger_info.sequence_number;
    if !fp.read_only.is_empty() || fp.read_write.iter().any(|k| durability(k) != Some(ContractDataDurability::Persistent)) {
        out.result = wrap(R::Malformed);
        return out;
    }
    let new_live_until = seq + ctx.network.min_persistent_entry_ttl - 1;
    let mut changes = vec![];
    let mut read_bytes = 0u64;
    for key in fp.read_write.iter() {
        let Liveness::Archived(mut stored) = liveness(ov.get_key(key).as_ref(), key, seq) else { continue };
        read_bytes += xdr_len(&stored.entry) as u64;
        changes.push(rent_change(&stored.entry, key, 0, new_live_until, true));
        stored.live_until = Some(new_live_until);
        ov.put(key_bytes(key), Some(stored));
    }
    if read_bytes > data.resources.disk_read_bytes as u64 {
        out.result = wrap(R::ResourceLimitExceeded);
        return out;
    }
    out.rent_fee = compute_rent_fee(&changes, &ctx.network.rent_fee_configuration, seq);
    out.refundable_used = out.rent_fee;
    out.result = wrap(if out.rent_fee > max_refundable { R::InsufficientRefundableFee } else { R::Success });
    out
}

/// The committed state as the host's snapshot source (simulation and genesis). The
/// host wants an `Rc<dyn SnapshotSource>` ('static), so this holds a raw pointer; every
/// use is inside one call made while the state is borrowed and the Rc is dropped before
/// the borrow ends (see `with_snapshot`).
pub struct StateSnapshot {
    state: *const State,
}

impl SnapshotSource for StateSnapshot {
    fn get(&self, key: &Rc<LedgerKey>) -> Result<Option<EntryWithLiveUntil>, HostError> {
        // SAFETY: see the type's comment; the pointee outlives every snapshot.
        let state = unsafe { &*self.state };
        Ok(state.get(&key_bytes(key)).map(|s| (Rc::new(s.entry.clone()), s.live_until)))
    }
}

/// Runs `f` with a snapshot of `state`; the snapshot cannot outlive the call.
pub fn with_snapshot<R>(state: &State, f: impl FnOnce(Rc<StateSnapshot>) -> R) -> R {
    let snap = Rc::new(StateSnapshot { state: state as *const State });
    let r = f(snap.clone());
    drop(snap);
    r
}

fn budget_report(budget: &Budget, data: &SorobanTransactionData, ctx: &SorobanContext) -> String {
    format!(
        "resource limit exceeded: {} instructions used of {} declared, {} memory bytes used of {} allowed",
        budget.get_cpu_insns_consumed().unwrap_or(0),
        data.resources.instructions,
        budget.get_mem_bytes_consumed().unwrap_or(0),
        ctx.network.tx_memory_limit
    )
}

/// Core's entry size limits (validateContractLedgerEntry): what the network settings
/// allow a contract data entry or a Wasm to weigh.
fn oversized(entry: &LedgerEntry, xdr_size: usize) -> Option<String> {
    use soroban_env_host::xdr::LedgerEntryData;
    match &entry.data {
        LedgerEntryData::ContractData(_) if xdr_size > s::CONTRACT_DATA_ENTRY_SIZE_BYTES as usize => Some(format!(
            "contract data entry of {xdr_size} bytes exceeds the network limit {}",
            s::CONTRACT_DATA_ENTRY_SIZE_BYTES
        )),
        LedgerEntryData::ContractCode(c) if c.code.len() > s::CONTRACT_MAX_SIZE_BYTES as usize => Some(format!(
            "contract code of {} bytes exceeds the network limit {}",
            c.code.len(),
            s::CONTRACT_MAX_SIZE_BYTES
        )),
        _ => None,
    }
}
