//! ExtendFootprintTTL and RestoreFootprint: TTL changes priced as rent.

use super::{rent_size, SorobanContext, SorobanOutcome};
use crate::backend::state::{durability, key_bytes, liveness, Liveness, Overlay};
use soroban_env_host::fees::{compute_rent_fee, LedgerEntryRentChange};
use soroban_env_host::xdr::{
    ContractDataDurability, ExtendFootprintTtlOp, ExtendFootprintTtlResult, LedgerEntry,
    LedgerEntryType, LedgerKey, OperationResult, OperationResultTr, RestoreFootprintResult,
    SorobanTransactionData,
};

fn rent_change(
    entry: &LedgerEntry,
    key: &LedgerKey,
    old_live_until: u32,
    new_live_until: u32,
    restore: bool,
) -> LedgerEntryRentChange {
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
    let wrap = |r| {
        Some(OperationResult::OpInner(
            OperationResultTr::ExtendFootprintTtl(r),
        ))
    };
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
        let Liveness::Live(mut stored) = liveness(ov.get_key(key).as_ref(), key, seq) else {
            continue;
        };
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
    out.result = wrap(if out.rent_fee > max_refundable {
        R::InsufficientRefundableFee
    } else {
        R::Success
    });
    out
}

pub fn restore(
    ov: &mut Overlay,
    ctx: &SorobanContext,
    data: &SorobanTransactionData,
    max_refundable: i64,
) -> SorobanOutcome {
    use RestoreFootprintResult as R;
    let wrap = |r| {
        Some(OperationResult::OpInner(
            OperationResultTr::RestoreFootprint(r),
        ))
    };
    let mut out = SorobanOutcome::default();
    let fp = &data.resources.footprint;
    let seq = ctx.ledger_info.sequence_number;
    if !fp.read_only.is_empty()
        || fp
            .read_write
            .iter()
            .any(|k| durability(k) != Some(ContractDataDurability::Persistent))
    {
        out.result = wrap(R::Malformed);
        return out;
    }
    let new_live_until = seq + ctx.network.min_persistent_entry_ttl - 1;
    let mut changes = vec![];
    let mut read_bytes = 0u64;
    for key in fp.read_write.iter() {
        let Liveness::Archived(mut stored) = liveness(ov.get_key(key).as_ref(), key, seq) else {
            continue;
        };
        read_bytes += super::xdr_len(&stored.entry) as u64;
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
    out.result = wrap(if out.rent_fee > max_refundable {
        R::InsufficientRefundableFee
    } else {
        R::Success
    });
    out
}
