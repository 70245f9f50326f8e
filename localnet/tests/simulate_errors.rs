//! Simulation failures say why, in the `error` string, the way stellar-rpc's do:
//! `HostError: Error(…)` and the host's event log, newest first.

mod common;
use common::*;
use localnet::backend::simulate::{simulate, SimulationRequest};

fn simulate_error(
    t: &TestChain,
    source: &Key,
    host_fn: soroban_env_host::xdr::HostFunction,
) -> String {
    let env = t.tx(source).op(invoke(host_fn, vec![])).envelope();
    let sim = simulate(
        &t.chain,
        SimulationRequest {
            envelope: env,
            auth_mode: None,
            use_upgraded_auth: true,
            instruction_leeway: None,
        },
    );
    assert!(sim.transaction_data.is_none() && sim.result.is_none());
    sim.error.expect("simulation should fail")
}

#[test]
fn a_contract_error_names_the_error_and_the_hosts_reason() {
    let mut t = TestChain::new();
    let (a, b) = (Key::named("sim-a"), Key::named("sim-b"));
    t.fund(&a, 100);
    t.fund(&b, 100);
    let err = simulate_error(
        &t,
        &a,
        sac_transfer(t.chain.native_contract(), &a, &b, 1_000_000 * XLM),
    );
    assert!(
        err.starts_with("HostError: Error(Contract, #10)\n\nEvent log (newest first):\n   0: "),
        "{err}"
    );
    // The newest event is the host's own sentence; the oldest the call that failed.
    let newest = err.lines().nth(3).unwrap();
    assert!(
        newest.contains("topics:[error, Error(Contract, #10)]"),
        "{err}"
    );
    assert!(
        newest.contains("resulting balance is not within the allowed range"),
        "{err}"
    );
    assert!(
        err.lines().last().unwrap().contains("topics:[fn_call, "),
        "{err}"
    );
}

#[test]
fn a_missing_contract_is_a_storage_error_with_its_reason() {
    let mut t = TestChain::new();
    let a = Key::named("sim-ghost");
    t.fund(&a, 100);
    let err = simulate_error(&t, &a, sac_transfer([7; 32], &a, &a, 1));
    assert!(
        err.starts_with("HostError: Error(Storage, MissingValue)\n"),
        "{err}"
    );
    assert!(err.contains("Event log (newest first):"), "{err}");
    assert!(
        err.contains("trying to get non-existing value for contract instance"),
        "{err}"
    );
}
