//! The committed, optimised `dist/escrow.wasm` runs the same lifecycles as the native
//! build: what is deployed is what is tested.

use soroban_sdk::testutils::Ledger as _;

use super::chain::dist_wasm;
use super::setup::*;
use crate::{Error, EscrowContractClient};

#[test]
fn dist_wasm_runs_a_whole_lifecycle() {
    let w = World::single();
    w.env.mock_all_auths_allowing_non_root_auth(); // the constructor runs below the deployment
    let id = w.env.register(dist_wasm().as_slice(), (w.config.clone(),));
    let escrow = EscrowContractClient::new(&w.env, &id);
    w.env.mock_all_auths();
    assert_eq!(
        escrow.try_fund(&w.p.funder, &AMOUNT, &2),
        Err(Ok(Error::TermsChanged))
    );
    // One unit more than the total: the escrow keeps the total and sends the unit back.
    escrow.fund(&w.p.funder, &(AMOUNT + 1), &1);
    assert_eq!(
        (w.balance(&id), w.balance(&w.p.funder)),
        (AMOUNT, 100 * UNIT - AMOUNT)
    );
    assert_eq!(
        escrow.try_fund(&w.p.funder, &1, &1),
        Err(Ok(Error::Overfunded))
    );
    for i in 0..2 {
        escrow.set_milestone_status(
            &i,
            &text(&w.env, "done"),
            &Some(text(&w.env, "https://x.test")),
        );
        escrow.approve_milestone(&i, &w.p.approvers[0]);
    }
    escrow.release(&w.signers());
    let net = AMOUNT - AMOUNT * 330 / 10_000;
    assert_eq!(w.balance(&w.p.receiver), net);
    assert_eq!(w.balance(&w.p.platform), AMOUNT * 300 / 10_000);
    assert_eq!(w.balance(&w.p.protocol), AMOUNT * 30 / 10_000);
    let state = escrow.get_escrow();
    assert!(state.released && state.balance == 0 && state.config == w.config);
    escrow.extend_ttl();
}

#[test]
fn dist_wasm_runs_disputes_and_refunds() {
    let w = World::multi();
    w.env.mock_all_auths_allowing_non_root_auth(); // the constructor runs below the deployment
    let id = w.env.register(dist_wasm().as_slice(), (w.config.clone(),));
    let escrow = EscrowContractClient::new(&w.env, &id);
    w.env.mock_all_auths();
    escrow.fund(&w.p.funder, &(10 * UNIT), &1);
    escrow.dispute_milestone(&1, &w.p.approvers[0], &text(&w.env, "late"));
    escrow.resolve_milestone(
        &1,
        &w.shares(&[(&w.p.funder, 2 * UNIT), (&w.p.receiver, 4 * UNIT)]),
    );
    assert_eq!(w.balance(&w.p.funder), 92 * UNIT);
    assert_eq!(escrow.get_funding(&w.p.funder), 8 * UNIT);
    w.env.ledger().set_timestamp(DEADLINE + 1);
    assert_eq!(
        escrow.try_claim_refund(&w.p.funder),
        Err(Ok(Error::RefundClosed))
    );
    assert_eq!(w.balance(&id), 4 * UNIT);
}
