//! Whole lifecycles, start to end, checking every balance.

use soroban_sdk::{testutils::Address as _, vec, Address};

use super::setup::*;
use crate::EscrowKind;

/// Net of a 10-token payout after 3 % + 0.3 %.
const NET: i128 = AMOUNT - AMOUNT * 3 / 100 - AMOUNT * 3 / 1000;

#[test]
fn single_release_pays_receiver_and_both_fees() {
    let w = World::single();
    w.fund_all();
    assert_eq!(w.balance(&w.id()), AMOUNT);
    w.release_all();

    assert_eq!(w.balance(&w.p.receiver), NET);
    assert_eq!(w.balance(&w.p.platform), AMOUNT * 3 / 100);
    assert_eq!(w.balance(&w.p.protocol), AMOUNT * 3 / 1000);
    assert_eq!(w.balance(&w.id()), 0);
    let escrow = w.escrow.get_escrow();
    assert!(escrow.released);
    assert_eq!(
        (escrow.funded, escrow.paid_out, escrow.balance),
        (AMOUNT, AMOUNT, 0)
    );
    assert!(escrow
        .milestones
        .iter()
        .all(|m| m.approved && m.status == text(&w.env, "done")));
}

#[test]
fn multi_releases_milestones_one_by_one() {
    let w = World::multi();
    let own_receiver = Address::generate(&w.env);
    // Milestone 1 pays its own receiver.
    let mut config = w.config.clone();
    let mut m1 = config.milestones.get(1).unwrap();
    m1.receiver = Some(own_receiver.clone());
    config.milestones.set(1, m1);
    let w = World::with_config(w.env, w.p, w.token, w.sac, config);

    w.env.mock_all_auths();
    w.escrow.fund(&w.p.funder, &(4 * UNIT), &1);
    w.release_one(0);
    let first = 4 * UNIT - 4 * UNIT * 33 / 1000;
    assert_eq!(w.balance(&w.p.receiver), first);
    assert_eq!(w.balance(&w.id()), 0);
    assert!(!w.escrow.get_escrow().milestones.get(1).unwrap().released);

    w.escrow.fund(&w.p.funder, &(6 * UNIT), &1);
    w.release_one(1);
    assert_eq!(w.balance(&own_receiver), 6 * UNIT - 6 * UNIT * 33 / 1000);
    assert_eq!(w.balance(&w.p.platform), 10 * UNIT * 3 / 100);
    assert_eq!(w.balance(&w.p.protocol), 10 * UNIT * 3 / 1000);
    let escrow = w.escrow.get_escrow();
    assert!(escrow.milestones.iter().all(|m| m.released));
    assert_eq!(
        (escrow.funded, escrow.paid_out, escrow.balance),
        (10 * UNIT, 10 * UNIT, 0)
    );
}

#[test]
fn two_of_three_release_signers_release_together() {
    let w = World::build(EscrowKind::Single, 1, 1, 3, 2);
    w.fund_all();
    w.approve(0);
    w.approve(1);
    let pair = vec![&w.env, w.p.signers[0].clone(), w.p.signers[2].clone()];
    w.escrow.release(&pair);
    let signed: std::vec::Vec<Address> = w.env.auths().into_iter().map(|(who, _)| who).collect();
    assert_eq!(
        signed,
        std::vec![w.p.signers[0].clone(), w.p.signers[2].clone()]
    );
    assert_eq!(w.balance(&w.p.receiver), NET);
}

#[test]
fn two_approvals_required_before_a_milestone_counts() {
    let w = World::build(EscrowKind::Single, 3, 2, 1, 1);
    w.fund_all();
    w.env.mock_all_auths();
    w.escrow.set_milestone_status(
        &0,
        &text(&w.env, "sent"),
        &Some(text(&w.env, "https://x.test/1")),
    );
    w.escrow.approve_milestone(&0, &w.p.approvers[1]);
    let m = w.escrow.get_escrow().milestones.get(0).unwrap();
    assert!(!m.approved);
    assert_eq!(m.evidence, text(&w.env, "https://x.test/1"));
    w.escrow.approve_milestone(&0, &w.p.approvers[2]);
    let m = w.escrow.get_escrow().milestones.get(0).unwrap();
    assert!(m.approved);
    assert_eq!(
        m.approvals,
        vec![&w.env, w.p.approvers[1].clone(), w.p.approvers[2].clone()]
    );
}

#[test]
fn single_dispute_resolved_forty_sixty() {
    let w = World::single();
    w.fund_and_dispute();
    // 40 % back to the funder (a refund: no fee), 60 % to the receiver (fees apply).
    let back = 4 * UNIT;
    let paid = 6 * UNIT;
    w.escrow
        .resolve(&w.shares(&[(&w.p.funder, back), (&w.p.receiver, paid)]));
    assert_eq!(w.balance(&w.p.funder), 100 * UNIT - AMOUNT + back);
    assert_eq!(w.balance(&w.p.receiver), paid - paid * 33 / 1000);
    assert_eq!(w.balance(&w.p.platform), paid * 3 / 100);
    assert_eq!(w.balance(&w.p.protocol), paid * 3 / 1000);
    assert_eq!(w.balance(&w.id()), 0);
    let escrow = w.escrow.get_escrow();
    assert!(escrow.resolved && escrow.disputed);
    assert_eq!(escrow.dispute_reason, text(&w.env, "late"));
    assert_eq!(w.escrow.get_funding(&w.p.funder), AMOUNT - back);
}

#[test]
fn multi_dispute_resolves_one_milestone_and_leftovers_are_withdrawn() {
    let w = World::multi();
    w.fund_and_resolve_milestone_1_in_part();
    assert_eq!(w.balance(&w.p.receiver), 2 * UNIT - 2 * UNIT * 33 / 1000);
    w.release_one(0);
    // Milestone 1 paid 2 of its 6 tokens; 4 are left, and someone sent 1 more outside fund.
    w.sac.mint(&w.id(), &UNIT);
    assert_eq!(w.balance(&w.id()), 5 * UNIT);
    w.escrow
        .withdraw_remaining(&w.shares(&[(&w.p.funder, 5 * UNIT)]));
    // Paid back to the funder, within what they put in: a refund, no fee.
    assert_eq!(w.balance(&w.p.funder), 100 * UNIT - 10 * UNIT + 5 * UNIT);
    assert_eq!(w.escrow.get_funding(&w.p.funder), 5 * UNIT);
    assert_eq!(w.balance(&w.id()), 0);
}
