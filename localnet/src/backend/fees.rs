//! Fees as core computes them: the inclusion fee (base fee per operation) and the
//! Soroban resource fee, split into the non-refundable part charged on declared
//! resources and the refundable part (rent, events) charged on what was used.

use super::network_settings as s;
use soroban_env_host::fees::{compute_transaction_resource_fee, TransactionResources};
use soroban_env_host::xdr::{LedgerKey, SorobanTransactionData, SorobanTransactionDataExt};
use soroban_simulation::NetworkConfig;

/// The least inclusion fee a transaction with `ops` operations must offer.
pub fn min_inclusion_fee(base_fee: u32, ops: usize) -> i64 {
    base_fee as i64 * (ops.max(1) as i64)
}

/// Resources a Soroban transaction declares, in the form the fee schedule takes.
pub fn declared_resources(
    data: &SorobanTransactionData,
    tx_size: u32,
    events_size: u32,
) -> TransactionResources {
    let r = &data.resources;
    let is_classic =
        |k: &LedgerKey| !matches!(k, LedgerKey::ContractData(_) | LedgerKey::ContractCode(_));
    let restored = match &data.ext {
        SorobanTransactionDataExt::V1(ext) => ext.archived_soroban_entries.len() as u32,
        SorobanTransactionDataExt::V0 => 0,
    };
    let classic_reads = r
        .footprint
        .read_only
        .iter()
        .chain(r.footprint.read_write.iter())
        .filter(|k| is_classic(k))
        .count() as u32;
    TransactionResources {
        instructions: r.instructions,
        disk_read_entries: classic_reads + restored,
        write_entries: r.footprint.read_write.len() as u32,
        disk_read_bytes: r.disk_read_bytes,
        write_bytes: r.write_bytes,
        contract_events_size_bytes: events_size,
        transaction_size_bytes: tx_size,
    }
}

/// `(non_refundable, refundable)` for the declared resources with no events: what
/// validation requires `resourceFee` to cover.
pub fn resource_fee(
    network: &NetworkConfig,
    data: &SorobanTransactionData,
    tx_size: u32,
) -> (i64, i64) {
    compute_transaction_resource_fee(
        &declared_resources(data, tx_size, 0),
        &network.fee_configuration,
    )
}

/// The refundable fee for emitting `events_size` bytes of events and return value.
pub fn events_fee(network: &NetworkConfig, events_size: u32) -> i64 {
    let r = TransactionResources {
        instructions: 0,
        disk_read_entries: 0,
        write_entries: 0,
        disk_read_bytes: 0,
        write_bytes: 0,
        contract_events_size_bytes: events_size,
        transaction_size_bytes: 0,
    };
    compute_transaction_resource_fee(&r, &network.fee_configuration).1
}

/// Why declared Soroban resources are over the per-transaction limits, if they are.
pub fn check_resource_limits(data: &SorobanTransactionData, tx_size: u32) -> Result<(), String> {
    let r = &data.resources;
    let fp = &r.footprint;
    let declared = declared_resources(data, tx_size, 0);
    let checks: [(&str, u64, u64); 7] = [
        (
            "instructions",
            r.instructions as u64,
            s::TX_MAX_INSTRUCTIONS as u64,
        ),
        (
            "disk read bytes",
            r.disk_read_bytes as u64,
            s::TX_MAX_DISK_READ_BYTES as u64,
        ),
        (
            "write bytes",
            r.write_bytes as u64,
            s::TX_MAX_WRITE_BYTES as u64,
        ),
        (
            "disk read entries",
            declared.disk_read_entries as u64,
            s::TX_MAX_DISK_READ_ENTRIES as u64,
        ),
        (
            "write entries",
            fp.read_write.len() as u64,
            s::TX_MAX_WRITE_LEDGER_ENTRIES as u64,
        ),
        (
            "footprint entries",
            (fp.read_only.len() + fp.read_write.len()) as u64,
            s::TX_MAX_FOOTPRINT_ENTRIES as u64,
        ),
        (
            "transaction size",
            tx_size as u64,
            s::TX_MAX_SIZE_BYTES as u64,
        ),
    ];
    for (what, value, limit) in checks {
        if value > limit {
            return Err(format!("{what} {value} exceed the network limit {limit}"));
        }
    }
    for k in fp.read_only.iter().chain(fp.read_write.iter()) {
        if !matches!(
            k,
            LedgerKey::Account(_)
                | LedgerKey::Trustline(_)
                | LedgerKey::ContractData(_)
                | LedgerKey::ContractCode(_)
        ) {
            return Err("footprint holds a key type Soroban cannot access".into());
        }
    }
    Ok(())
}
