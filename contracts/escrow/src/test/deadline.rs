//! Deadline refunds: after the deadline, with nothing released or resolved and no dispute
//! open, every funder gets their whole contribution back, fee-free, once.

use soroban_sdk::{testutils::Address as _, testutils::Ledger as _, Address};

use super::setup::*;

#[test]
fn funder_gets_everything_back_after_the_deadline() {
    let w = World::multi();
    let second = Address::generate(&w.env);
    w.env.mock_all_auths();
    w.sac.mint(&second, &(3 * UNIT));
    w.escrow.fund(&w.p.funder, &(7 * UNIT), &1);
    w.escrow.fund(&second, &(3 * UNIT), &1);
    w.escrow
        .set_milestone_status(&0, &text(&w.env, "started"), &None);

    // At the deadline itself funding is still open and refunds are not.
    w.env.ledger().set_timestamp(DEADLINE);
    assert!(w.escrow.try_claim_refund(&w.p.funder).is_err());

    w.env.ledger().set_timestamp(DEADLINE + 1);
    // Anyone may trigger it (no auth at all here); the money goes to the funder.
    w.env.mock_auths(&[]);
    w.escrow.claim_refund(&w.p.funder);
    assert_eq!(w.balance(&w.p.funder), 100 * UNIT);
    assert_eq!(
        w.balance(&w.p.platform) + w.balance(&w.p.protocol),
        0,
        "refunds bear no fee"
    );
    assert!(w.escrow.try_claim_refund(&w.p.funder).is_err(), "once");

    let escrow = w.escrow.get_escrow();
    assert!(escrow.refunding);
    assert_eq!(
        (escrow.funded, escrow.refunded, escrow.balance),
        (10 * UNIT, 7 * UNIT, 3 * UNIT)
    );
    assert_eq!(w.escrow.get_funding(&w.p.funder), 0);
    assert_eq!(w.escrow.get_funding(&second), 3 * UNIT);

    w.escrow.claim_refund(&second);
    assert_eq!(w.balance(&second), 3 * UNIT);
    assert_eq!(w.balance(&w.id()), 0);
}

#[test]
fn stray_tokens_are_distributed_once_every_contribution_is_refunded() {
    let w = World::single();
    w.fund_all();
    w.sac.mint(&w.id(), &UNIT);
    w.env.ledger().set_timestamp(DEADLINE + 1);
    w.env.mock_all_auths();
    w.escrow.claim_refund(&w.p.funder);
    assert_eq!(w.balance(&w.id()), UNIT);
    w.escrow
        .withdraw_remaining(&w.shares(&[(&w.p.platform, UNIT)]));
    assert_eq!(w.balance(&w.id()), 0);
}

#[test]
fn a_resolved_dispute_closes_refunds_and_an_open_one_blocks_them() {
    let w = World::single();
    w.fund_all();
    w.env.mock_all_auths();
    w.escrow.dispute(&w.p.approvers[0], &text(&w.env, "gone"));
    w.env.ledger().set_timestamp(DEADLINE + 1);
    assert!(w.escrow.try_claim_refund(&w.p.funder).is_err());
    w.escrow.resolve(&w.shares(&[(&w.p.funder, AMOUNT)]));
    assert_eq!(
        w.balance(&w.p.funder),
        100 * UNIT,
        "the resolver's refund is fee-free too"
    );
    assert!(w.escrow.try_claim_refund(&w.p.funder).is_err());
}
