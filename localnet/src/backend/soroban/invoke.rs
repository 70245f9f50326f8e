//! InvokeHostFunction: footprint entries in (restoring the marked archived ones), the
//! host call, then core's checks on what came out (sizes, events, refundable fee).

use super::{ihf, rent_size, restored_indices, xdr_len, SorobanContext, SorobanOutcome};
use crate::backend::entry::StoredEntry;
use crate::backend::fees;
use crate::backend::network_settings as s;
use crate::backend::state::{durability, key_bytes, liveness, Liveness, Overlay};
use sha2::{Digest, Sha256};
use soroban_env_host::budget::Budget;
use soroban_env_host::e2e_invoke::{self, extract_rent_changes, TtlLedgerEntryMeta};
use soroban_env_host::fees::compute_rent_fee;
use soroban_env_host::xdr::{
    AccountId, ContractEvent, Hash, InvokeHostFunctionOp, InvokeHostFunctionResult,
    InvokeHostFunctionSuccessPreImage, LedgerEntry, LedgerKey, Limits, ReadXdr, ScVal,
    SorobanTransactionData, WriteXdr,
};

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
    ov.prefetch(
        &keys
            .iter()
            .map(|(_, _, k)| (*k).clone())
            .collect::<Vec<_>>(),
    );
    for (rw, index, key) in &keys {
        let stored = ov.get_key(key);
        let is_restore = *rw && restored.contains(&(*index as u32));
        let (entry, live_until) = match liveness(stored.as_ref(), key, seq) {
            Liveness::Missing => (None, None),
            Liveness::Live(s) => (Some(s.entry), s.live_until),
            Liveness::Archived(s) => {
                if !is_restore {
                    out.diagnostics.push(crate::backend::error_event(
                        "an archived entry in the footprint is not marked for restoration",
                    ));
                    out.result = ihf(R::EntryArchived);
                    return out;
                }
                (Some(s.entry), Some(restored_live_until))
            }
        };
        let bytes = entry
            .as_ref()
            .map(|e| e.to_xdr(Limits::none()).expect("entries encode"));
        if durability(key).is_none() || is_restore {
            disk_read_bytes += bytes.as_ref().map(|b| b.len() as u64).unwrap_or(0);
        }
        let ttl = match (&entry, live_until) {
            (Some(e), Some(l)) => Some(TtlLedgerEntryMeta {
                live_until_ledger: l,
                entry_size_for_rent: rent_size(e),
            }),
            _ => None,
        };
        inputs.push((bytes, ttl));
    }
    if disk_read_bytes > data.resources.disk_read_bytes as u64 {
        out.diagnostics.push(crate::backend::error_event(&format!(
            "disk read bytes {disk_read_bytes} exceed the declared {}",
            data.resources.disk_read_bytes
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
    let encode =
        |v: &dyn Fn() -> Result<Vec<u8>, soroban_env_host::xdr::Error>| v().unwrap_or_default();
    let host_fn = encode(&|| op.host_function.to_xdr(Limits::none()));
    let resources = encode(&|| data.resources.to_xdr(Limits::none()));
    let source_xdr = encode(&|| source.to_xdr(Limits::none()));
    let auth: Vec<Vec<u8>> = op
        .auth
        .iter()
        .map(|a| a.to_xdr(Limits::none()).unwrap_or_default())
        .collect();
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
            let e = r
                .encoded_invoke_result
                .err()
                .map(|e| format!("{e:?}"))
                .unwrap_or_default();
            out.result = ihf(if over_budget() {
                R::ResourceLimitExceeded
            } else {
                R::Trapped
            });
            if over_budget() {
                out.diagnostics
                    .push(crate::backend::error_event(&budget_report(
                        &budget, data, ctx,
                    )));
            }
            let _ = e;
            return out;
        }
        Err(e) => {
            // The host stopped before it could hand back its own diagnostics.
            out.diagnostics
                .push(crate::backend::error_event(&format!("{e:?}")));
            if over_budget() {
                out.diagnostics
                    .push(crate::backend::error_event(&budget_report(
                        &budget, data, ctx,
                    )));
            }
            out.result = ihf(if over_budget() {
                R::ResourceLimitExceeded
            } else {
                R::Trapped
            });
            return out;
        }
    };

    let mut write_bytes: u64 = 0;
    for change in &result.ledger_changes {
        let Ok(key) = LedgerKey::from_xdr(&change.encoded_key, Limits::none()) else {
            continue;
        };
        let new_live_until = change.ttl_change.as_ref().map(|t| t.new_live_until_ledger);
        if change.read_only {
            // Read-only entries can only have their TTL extended.
            if let (Some(t), Some(mut stored)) = (&change.ttl_change, ov.get_key(&key)) {
                if t.new_live_until_ledger > t.old_live_until_ledger
                    && stored.live_until != Some(t.new_live_until_ledger)
                {
                    stored.live_until = Some(t.new_live_until_ledger);
                    ov.put(key_bytes(&key), Some(stored));
                }
            }
            continue;
        }
        match &change.encoded_new_value {
            Some(bytes) => {
                write_bytes += bytes.len() as u64;
                let Ok(entry) = LedgerEntry::from_xdr(bytes, Limits::none()) else {
                    continue;
                };
                if let Some(why) = oversized(&entry, bytes.len()) {
                    out.diagnostics.push(crate::backend::error_event(&why));
                    out.result = ihf(R::ResourceLimitExceeded);
                    return out;
                }
                ov.put(
                    key_bytes(&key),
                    Some(StoredEntry {
                        entry,
                        live_until: new_live_until,
                    }),
                );
            }
            None => ov.put(key_bytes(&key), None),
        }
    }
    if write_bytes > data.resources.write_bytes as u64 {
        out.diagnostics.push(crate::backend::error_event(&format!(
            "write bytes {write_bytes} exceed the declared {}",
            data.resources.write_bytes
        )));
        out.result = ihf(R::ResourceLimitExceeded);
        return out;
    }
    let return_value = ScVal::from_xdr(
        result.encoded_invoke_result.as_ref().expect("checked ok"),
        Limits::none(),
    )
    .unwrap_or(ScVal::Void);
    let mut events_size = xdr_len(&return_value);
    for e in &result.encoded_contract_events {
        events_size += e.len() as u32;
        if let Ok(ev) = ContractEvent::from_xdr(e, Limits::none()) {
            out.events.push(ev);
        }
    }
    if events_size > s::TX_MAX_CONTRACT_EVENTS_SIZE_BYTES {
        out.diagnostics.push(crate::backend::error_event(&format!(
            "events and return value take {events_size} bytes, over the network limit"
        )));
        out.result = ihf(R::ResourceLimitExceeded);
        out.events.clear();
        return out;
    }
    let rent_changes = extract_rent_changes(&result.ledger_changes);
    out.rent_fee = compute_rent_fee(&rent_changes, &ctx.network.rent_fee_configuration, seq);
    out.refundable_used = out.rent_fee + fees::events_fee(ctx.network, events_size);
    if out.refundable_used > max_refundable {
        out.diagnostics.push(crate::backend::error_event(&format!(
            "refundable fee {max_refundable} does not cover rent and events {}",
            out.refundable_used
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
        LedgerEntryData::ContractData(_)
            if xdr_size > s::CONTRACT_DATA_ENTRY_SIZE_BYTES as usize =>
        {
            Some(format!(
                "contract data entry of {xdr_size} bytes exceeds the network limit {}",
                s::CONTRACT_DATA_ENTRY_SIZE_BYTES
            ))
        }
        LedgerEntryData::ContractCode(c) if c.code.len() > s::CONTRACT_MAX_SIZE_BYTES as usize => {
            Some(format!(
                "contract code of {} bytes exceeds the network limit {}",
                c.code.len(),
                s::CONTRACT_MAX_SIZE_BYTES
            ))
        }
        _ => None,
    }
}
