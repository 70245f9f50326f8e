//! Preflight, as stellar-rpc's preflight library drives soroban-simulation: run the
//! operation against the latest state in recording mode and report footprint,
//! resources, fee, auth, return value, events and state changes.

use super::soroban::with_snapshot;
use super::validation::{is_soroban_op, muxed_to_account};
use super::Chain;
use soroban_env_host::e2e_invoke::RecordingInvocationAuthMode;
use soroban_env_host::xdr::{
    DiagnosticEvent, FeeBumpTransactionInnerTx, LedgerEntry, LedgerKey, OperationBody, ScVal,
    SorobanAuthorizationEntry, SorobanTransactionData, TransactionEnvelope, TransactionExt,
};
use soroban_simulation::simulation::{
    simulate_extend_ttl_op, simulate_invoke_host_function_op, simulate_restore_op,
    SimulationAdjustmentConfig,
};

#[derive(Default)]
pub struct Simulation {
    pub error: Option<String>,
    pub transaction_data: Option<SorobanTransactionData>,
    pub min_resource_fee: i64,
    pub events: Vec<DiagnosticEvent>,
    /// `(auth, return value)` of the invocation.
    pub result: Option<(Vec<SorobanAuthorizationEntry>, ScVal)>,
    pub state_changes: Vec<(LedgerKey, Option<LedgerEntry>, Option<LedgerEntry>)>,
}

pub struct SimulationRequest {
    pub envelope: TransactionEnvelope,
    /// "enforce", "record", "record_allow_nonroot" or none (record unless auth is given).
    pub auth_mode: Option<String>,
    pub use_upgraded_auth: bool,
    pub instruction_leeway: Option<u64>,
}

fn fail(msg: impl Into<String>) -> Simulation {
    Simulation {
        error: Some(msg.into()),
        ..Default::default()
    }
}

pub fn simulate(chain: &Chain, req: SimulationRequest) -> Simulation {
    let tx = match &req.envelope {
        TransactionEnvelope::Tx(e) => e.tx.clone(),
        TransactionEnvelope::TxFeeBump(fb) => {
            let FeeBumpTransactionInnerTx::Tx(inner) = &fb.tx.inner_tx;
            inner.tx.clone()
        }
        TransactionEnvelope::TxV0(_) => return fail("transaction envelope v0 is not supported"),
    };
    if tx.operations.len() != 1 {
        return fail(format!(
            "transaction contains {} operations; simulation needs exactly one",
            tx.operations.len()
        ));
    }
    let op = &tx.operations[0];
    if !is_soroban_op(op) {
        return fail("simulation needs an InvokeHostFunction, ExtendFootprintTTL or RestoreFootprint operation");
    }
    let source = muxed_to_account(op.source_account.as_ref().unwrap_or(&tx.source_account));
    let info = chain.next_ledger_info();
    let mut adjust = SimulationAdjustmentConfig::default_adjustment();
    // As stellar-rpc: the leeway raises the additive instruction margin, never lowers it.
    if let Some(leeway) = req.instruction_leeway {
        let leeway = leeway.min(u32::MAX as u64) as u32;
        adjust.instructions.additive_factor = adjust.instructions.additive_factor.max(leeway);
    }
    let footprint = match &tx.ext {
        TransactionExt::V1(d) => Some(d.resources.footprint.clone()),
        TransactionExt::V0 => None,
    };
    match &op.body {
        OperationBody::InvokeHostFunction(ihf) => {
            let auth_mode = match req.auth_mode.as_deref() {
                Some("enforce") => RecordingInvocationAuthMode::Enforcing(ihf.auth.to_vec()),
                Some("record") => {
                    RecordingInvocationAuthMode::recording(true, req.use_upgraded_auth)
                }
                Some("record_allow_nonroot") => {
                    RecordingInvocationAuthMode::recording(false, req.use_upgraded_auth)
                }
                Some("") | None if !ihf.auth.is_empty() => {
                    RecordingInvocationAuthMode::Enforcing(ihf.auth.to_vec())
                }
                Some("") | None => {
                    RecordingInvocationAuthMode::recording(true, req.use_upgraded_auth)
                }
                Some(other) => return fail(format!("invalid authMode {other:?}")),
            };
            let sim = with_snapshot(&chain.state, |snap| {
                simulate_invoke_host_function_op(
                    snap,
                    &chain.network,
                    &adjust,
                    &info,
                    ihf.host_function.clone(),
                    auth_mode,
                    &source,
                    rand_seed(),
                    true,
                )
            });
            let sim = match sim {
                Ok(s) => s,
                Err(e) => return fail(format!("{e:?}")),
            };
            let mut out = Simulation {
                events: sim.diagnostic_events,
                ..Default::default()
            };
            match sim.invoke_result {
                Err(e) => {
                    out.error = Some(host_error_text(&e, &out.events));
                }
                Ok(value) => {
                    let data = sim.transaction_data;
                    out.min_resource_fee = data.as_ref().map(|d| d.resource_fee).unwrap_or(0);
                    out.transaction_data = data;
                    out.result = Some((sim.auth, value));
                    out.state_changes = sim
                        .modified_entries
                        .into_iter()
                        .filter_map(|d| {
                            let key = d.state_after.as_ref().or(d.state_before.as_ref())?.to_key();
                            Some((key, d.state_before, d.state_after))
                        })
                        .collect();
                }
            }
            out
        }
        OperationBody::ExtendFootprintTtl(ext) => {
            let Some(fp) = footprint else {
                return fail("ExtendFootprintTTL needs the footprint in the Soroban data");
            };
            let r = with_snapshot(&chain.state, |snap| {
                simulate_extend_ttl_op(
                    snap.as_ref(),
                    &chain.network,
                    &adjust,
                    &info,
                    fp.read_only.as_slice(),
                    ext.extend_to,
                )
            });
            match r {
                Ok(r) => Simulation {
                    min_resource_fee: r.transaction_data.resource_fee,
                    transaction_data: Some(r.transaction_data),
                    ..Default::default()
                },
                Err(e) => fail(format!("{e:?}")),
            }
        }
        OperationBody::RestoreFootprint(_) => {
            let Some(fp) = footprint else {
                return fail("RestoreFootprint needs the footprint in the Soroban data");
            };
            let r = with_snapshot(&chain.state, |snap| {
                simulate_restore_op(
                    snap.as_ref(),
                    &chain.network,
                    &adjust,
                    &info,
                    fp.read_write.as_slice(),
                )
            });
            match r {
                Ok(r) => Simulation {
                    min_resource_fee: r.transaction_data.resource_fee,
                    transaction_data: Some(r.transaction_data),
                    ..Default::default()
                },
                Err(e) => fail(format!("{e:?}")),
            }
        }
        _ => fail("unsupported operation"),
    }
}

/// A failed invocation as stellar-rpc reports it: the host error and the event log,
/// newest first — what `HostError`'s `Debug` prints when the host keeps debug info
/// (stellar-rpc builds the host with it; localnet rebuilds the log from the events).
fn host_error_text(e: &soroban_env_host::HostError, events: &[DiagnosticEvent]) -> String {
    use std::fmt::Write;
    let mut out = format!("HostError: {:?}\n", e.error);
    if !events.is_empty() {
        out.push_str("\nEvent log (newest first):\n");
    }
    for (i, d) in events.iter().rev().enumerate() {
        let event = soroban_env_host::events::HostEvent {
            event: d.event.clone(),
            failed_call: !d.in_successful_contract_call,
        };
        let _ = writeln!(out, "   {i}: {event}");
    }
    out
}

/// Simulation's PRNG seed does not need to match apply's; any value will do.
fn rand_seed() -> [u8; 32] {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    let mut seed = [0u8; 32];
    seed[..16].copy_from_slice(&nanos.to_le_bytes());
    seed
}
