//! Every error code, reached through the entry point that returns it.

use core::fmt::Debug;

use soroban_sdk::{
    testutils::Address as _, testutils::Ledger as _, vec, Address, ConversionError, InvokeError,
    Map,
};

use super::setup::*;
use crate::{Error, EscrowConfig, EscrowContract, EscrowKind, MilestoneConfig};

type Try<T> = Result<Result<T, ConversionError>, Result<Error, InvokeError>>;

/// The contract error a call returned (panics on success or on a host error).
fn err<T: Debug>(result: Try<T>) -> Error {
    match result {
        Err(Ok(e)) => e,
        other => panic!("expected a contract error, got {other:?}"),
    }
}

/// The error the constructor returns for `config` (deployed natively, constructor auth mocked).
fn deploy_err(w: &World, config: EscrowConfig) -> Error {
    deploy_err_at(w, &Address::generate(&w.env), config)
}

fn deploy_err_at(w: &World, id: &Address, config: EscrowConfig) -> Error {
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        w.env.register_at(id, EscrowContract, (config,));
    }));
    // The refusal is the contract's error, reported by the host as the constructor's failure.
    let payload = result.expect_err("the constructor must refuse");
    let message = payload
        .downcast_ref::<std::string::String>()
        .cloned()
        .unwrap_or_default();
    let reason = message
        .split("constructor invocation has failed with error")
        .nth(1)
        .expect("a constructor error");
    let code = reason
        .split("Error(Contract, #")
        .nth(1)
        .unwrap()
        .split(')')
        .next()
        .unwrap();
    Error::try_from(soroban_sdk::Error::from_contract_error(
        code.parse().unwrap(),
    ))
    .unwrap()
}

fn with<F: FnOnce(&mut EscrowConfig)>(w: &World, change: F) -> EscrowConfig {
    let mut config = w.config.clone();
    change(&mut config);
    config
}

#[test]
fn config_errors() {
    let w = World::single();
    let env = &w.env;
    let a = Address::generate(env);
    let many = |n: usize| soroban_sdk::Vec::from_iter(env, (0..n).map(|_| Address::generate(env)));
    assert_eq!(
        deploy_err(&w, with(&w, |c| c.roles.approvers = many(0))),
        Error::InvalidApprovers
    );
    assert_eq!(
        deploy_err(&w, with(&w, |c| c.roles.approvers = many(6))),
        Error::InvalidApprovers
    );
    assert_eq!(
        deploy_err(
            &w,
            with(&w, |c| c.roles.approvers = vec![env, a.clone(), a.clone()])
        ),
        Error::InvalidApprovers
    );
    assert_eq!(
        deploy_err(&w, with(&w, |c| c.roles.approvals_required = 0)),
        Error::InvalidApprovalsRequired
    );
    assert_eq!(
        deploy_err(&w, with(&w, |c| c.roles.approvals_required = 2)),
        Error::InvalidApprovalsRequired
    );
    assert_eq!(
        deploy_err(
            &w,
            with(&w, |c| c.roles.release_signers =
                vec![env, a.clone(), a.clone()])
        ),
        Error::InvalidReleaseSigners
    );
    assert_eq!(
        deploy_err(&w, with(&w, |c| c.roles.releases_required = 2)),
        Error::InvalidReleasesRequired
    );
    assert_eq!(
        deploy_err(&w, with(&w, |c| c.platform_fee_bps = 9_971)),
        Error::InvalidFees
    );
    assert_eq!(
        deploy_err(&w, with(&w, |c| c.amount = 0)),
        Error::InvalidAmount
    );
    assert_eq!(
        deploy_err(&w, with(&w, |c| c.milestones = vec![env])),
        Error::InvalidMilestoneCount
    );
    let milestone = MilestoneConfig {
        description: text(env, "m"),
        amount: 0,
        receiver: None,
    };
    assert_eq!(
        deploy_err(
            &w,
            with(&w, |c| c.milestones = soroban_sdk::Vec::from_iter(
                env,
                (0..21).map(|_| milestone.clone())
            ))
        ),
        Error::InvalidMilestoneCount
    );
    let paid = MilestoneConfig {
        amount: 1,
        ..milestone.clone()
    };
    assert_eq!(
        deploy_err(&w, with(&w, |c| c.milestones = vec![env, paid])),
        Error::InvalidMilestoneAmount
    );
    let own_receiver = MilestoneConfig {
        receiver: Some(a.clone()),
        ..milestone.clone()
    };
    assert_eq!(
        deploy_err(&w, with(&w, |c| c.milestones = vec![env, own_receiver])),
        Error::InvalidMilestoneAmount
    );
    assert_eq!(
        deploy_err(&w, with(&w, |c| c.title = long_text(env, 101))),
        Error::TextTooLong
    );
    assert_eq!(
        deploy_err(&w, with(&w, |c| c.engagement_id = long_text(env, 101))),
        Error::TextTooLong
    );
    assert_eq!(
        deploy_err(&w, with(&w, |c| c.description = long_text(env, 501))),
        Error::TextTooLong
    );
    assert_eq!(
        deploy_err(&w, with(&w, |c| c.deadline = Some(NOW))),
        Error::InvalidDeadline
    );

    let m = World::multi();
    assert_eq!(
        deploy_err(&m, with(&m, |c| c.amount = 5)),
        Error::InvalidAmount
    );
    let free = MilestoneConfig {
        description: text(&m.env, "m"),
        amount: 0,
        receiver: None,
    };
    assert_eq!(
        deploy_err(&m, with(&m, |c| c.milestones = vec![&m.env, free])),
        Error::InvalidMilestoneAmount
    );
    let huge = MilestoneConfig {
        description: text(&m.env, "m"),
        amount: i128::MAX,
        receiver: None,
    };
    assert_eq!(
        deploy_err(
            &m,
            with(&m, |c| c.milestones = vec![&m.env, huge.clone(), huge])
        ),
        Error::Overflow
    );
    let id = Address::generate(&m.env);
    assert_eq!(
        deploy_err_at(&m, &id, with(&m, |c| c.roles.receiver = id.clone())),
        Error::InvalidRecipient
    );
    assert_eq!(
        deploy_err_at(&m, &id, with(&m, |c| c.protocol_fee.recipient = id.clone())),
        Error::InvalidRecipient
    );
    // Limits are inclusive.
    m.env.register(
        EscrowContract,
        (with(&m, |c| c.title = long_text(&m.env, 100)),),
    );
}

#[test]
fn fund_errors() {
    let w = World::single();
    w.env.mock_all_auths();
    assert_eq!(
        err(w.escrow.try_fund(&w.p.funder, &0, &1)),
        Error::InvalidFundAmount
    );
    assert_eq!(
        err(w.escrow.try_fund(&w.id(), &UNIT, &1)),
        Error::InvalidRecipient
    );
    assert_eq!(
        err(w.escrow.try_fund(&w.p.funder, &UNIT, &2)),
        Error::TermsChanged
    );
    assert_eq!(
        err(w.escrow.try_fund(&w.p.funder, &UNIT, &0)),
        Error::TermsChanged
    );
    w.escrow.fund(&w.p.funder, &UNIT, &1);
    // v2: more than is missing is not an error any more; the excess goes straight back.
    w.escrow.fund(&w.p.funder, &AMOUNT, &1);
    assert_eq!(w.balance(&w.id()), AMOUNT);
    assert_eq!(
        err(w.escrow.try_fund(&w.p.funder, &1, &1)),
        Error::Overfunded
    );
    w.env.ledger().set_timestamp(DEADLINE + 1);
    assert_eq!(
        err(w.escrow.try_fund(&w.p.funder, &UNIT, &1)),
        Error::DeadlinePassed
    );
    w.escrow.claim_refund(&w.p.funder);
    assert_eq!(
        err(w.escrow.try_fund(&w.p.funder, &UNIT, &1)),
        Error::Refunding
    );
    assert_eq!(w.balance(&w.id()), 0);
}

#[test]
fn milestone_errors() {
    let w = World::build(EscrowKind::Single, 2, 2, 1, 1);
    w.fund_all();
    w.env.mock_all_auths();
    let env = &w.env;
    assert_eq!(
        err(w
            .escrow
            .try_set_milestone_status(&2, &text(env, "x"), &None)),
        Error::MilestoneNotFound
    );
    assert_eq!(
        err(w.escrow.try_approve_milestone(&2, &w.p.approvers[0])),
        Error::MilestoneNotFound
    );
    assert_eq!(
        err(w.escrow.try_set_milestone_status(&0, &text(env, ""), &None)),
        Error::EmptyStatus
    );
    assert_eq!(
        err(w
            .escrow
            .try_set_milestone_status(&0, &long_text(env, 51), &None)),
        Error::TextTooLong
    );
    assert_eq!(
        err(w
            .escrow
            .try_set_milestone_status(&0, &text(env, "x"), &Some(long_text(env, 501)))),
        Error::TextTooLong
    );
    assert_eq!(
        err(w.escrow.try_approve_milestone(&0, &w.p.approvers[0])),
        Error::StatusNotSet
    );
    w.escrow.set_milestone_status(&0, &text(env, "done"), &None);
    assert_eq!(
        err(w.escrow.try_approve_milestone(&0, &w.p.stranger)),
        Error::NotApprover
    );
    w.escrow.approve_milestone(&0, &w.p.approvers[0]);
    assert_eq!(
        err(w.escrow.try_approve_milestone(&0, &w.p.approvers[0])),
        Error::AlreadyApproved
    );
    w.escrow.dispute(&w.p.receiver, &text(env, "no"));
    assert_eq!(
        err(w.escrow.try_approve_milestone(&0, &w.p.approvers[1])),
        Error::Disputed
    );
}

#[test]
fn release_errors() {
    let w = World::build(EscrowKind::Single, 1, 1, 3, 2);
    w.env.mock_all_auths();
    let s = &w.p.signers;
    let two = vec![&w.env, s[0].clone(), s[1].clone()];
    assert_eq!(
        err(w.escrow.try_release_milestone(&0, &two)),
        Error::WrongKind
    );
    assert_eq!(err(w.escrow.try_release(&two)), Error::NotApproved);
    w.approve(0);
    w.approve(1);
    assert_eq!(err(w.escrow.try_release(&two)), Error::NotFullyFunded);
    w.fund_all();
    w.env.mock_all_auths();
    assert_eq!(
        err(w
            .escrow
            .try_release(&vec![&w.env, s[0].clone(), w.p.stranger.clone()])),
        Error::NotReleaseSigner
    );
    assert_eq!(
        err(w
            .escrow
            .try_release(&vec![&w.env, s[0].clone(), s[0].clone()])),
        Error::DuplicateSigner
    );
    assert_eq!(
        err(w.escrow.try_release(&vec![&w.env, s[2].clone()])),
        Error::NotEnoughSigners
    );
    w.escrow.release(&two);
    assert_eq!(err(w.escrow.try_release(&two)), Error::AlreadyReleased);
    assert_eq!(
        err(w
            .escrow
            .try_set_milestone_status(&0, &text(&w.env, "x"), &None)),
        Error::AlreadyReleased
    );
}

#[test]
fn release_checks_the_live_balance() {
    // Multi: milestone 1 (6 tokens) is approved but only 4 tokens came in.
    let w = World::multi();
    w.env.mock_all_auths();
    w.escrow.fund(&w.p.funder, &(4 * UNIT), &1);
    w.approve(1);
    assert_eq!(
        err(w.escrow.try_release_milestone(&1, &w.signers())),
        Error::InsufficientBalance
    );
    assert_eq!(err(w.escrow.try_release(&w.signers())), Error::WrongKind);
    w.escrow
        .dispute_milestone(&0, &w.p.approvers[0], &text(&w.env, "x"));
    assert_eq!(
        err(w.escrow.try_release_milestone(&0, &w.signers())),
        Error::Disputed
    );
    // A resolution may not pay more than the balance either.
    assert_eq!(
        err(w
            .escrow
            .try_resolve_milestone(&0, &w.shares(&[(&w.p.receiver, 4 * UNIT + 1)]))),
        Error::DistributionMismatch
    );
    w.escrow
        .dispute_milestone(&1, &w.p.approvers[0], &text(&w.env, "x"));
    assert_eq!(
        err(w
            .escrow
            .try_resolve_milestone(&1, &w.shares(&[(&w.p.receiver, 5 * UNIT)]))),
        Error::InsufficientBalance
    );
}

#[test]
fn dispute_errors() {
    let w = World::single();
    w.fund_all();
    w.env.mock_all_auths();
    let why = text(&w.env, "why");
    assert_eq!(
        err(w.escrow.try_dispute(&w.p.stranger, &why)),
        Error::NotAParty
    );
    assert_eq!(
        err(w.escrow.try_dispute(&w.p.resolver, &why)),
        Error::ResolverCannotDispute
    );
    assert_eq!(
        err(w.escrow.try_dispute(&w.p.receiver, &long_text(&w.env, 501))),
        Error::TextTooLong
    );
    assert_eq!(
        err(w.escrow.try_dispute_milestone(&0, &w.p.receiver, &why)),
        Error::WrongKind
    );
    assert_eq!(
        err(w.escrow.try_resolve(&w.shares(&[(&w.p.receiver, AMOUNT)]))),
        Error::NotDisputed
    );
    w.escrow.dispute(&w.p.receiver, &why);
    assert_eq!(
        err(w.escrow.try_dispute(&w.p.approvers[0], &why)),
        Error::AlreadyDisputed
    );
    assert_eq!(err(w.escrow.try_release(&w.signers())), Error::Disputed);
}

#[test]
fn disputes_after_the_end_are_refused() {
    // After release.
    let w = World::single();
    w.fund_all();
    w.approve(0);
    w.approve(1);
    w.escrow.release(&w.signers());
    assert_eq!(
        err(w
            .escrow
            .try_dispute(&w.p.approvers[0], &text(&w.env, "late"))),
        Error::AlreadyReleased
    );
    // After resolution.
    let r = World::single();
    r.fund_all();
    r.env.mock_all_auths();
    r.escrow.dispute(&r.p.approvers[0], &text(&r.env, "a"));
    r.escrow.resolve(&r.shares(&[(&r.p.receiver, AMOUNT)]));
    assert_eq!(
        err(r.escrow.try_dispute(&r.p.approvers[0], &text(&r.env, "b"))),
        Error::AlreadyResolved
    );
    assert_eq!(
        err(r.escrow.try_resolve(&r.shares(&[(&r.p.receiver, 1)]))),
        Error::AlreadyResolved
    );
    // After the first refund.
    let f = World::single();
    f.fund_all();
    f.env.ledger().set_timestamp(DEADLINE + 1);
    f.escrow.claim_refund(&f.p.funder);
    assert_eq!(
        err(f.escrow.try_dispute(&f.p.approvers[0], &text(&f.env, "c"))),
        Error::Refunding
    );
    // Multi: a released milestone cannot be disputed; a resolved one not resolved again.
    let m = World::multi();
    m.fund_all();
    m.approve(0);
    m.escrow.release_milestone(&0, &m.signers());
    assert_eq!(
        err(m
            .escrow
            .try_dispute_milestone(&0, &m.p.approvers[0], &text(&m.env, "d"))),
        Error::AlreadyReleased
    );
    assert_eq!(
        err(m.escrow.try_release_milestone(&0, &m.signers())),
        Error::AlreadyReleased
    );
    m.escrow
        .dispute_milestone(&1, &m.p.approvers[0], &text(&m.env, "e"));
    assert_eq!(
        err(m
            .escrow
            .try_dispute_milestone(&1, &m.p.approvers[0], &text(&m.env, "e"))),
        Error::AlreadyDisputed
    );
    m.escrow
        .resolve_milestone(&1, &m.shares(&[(&m.p.receiver, UNIT)]));
    assert_eq!(
        err(m
            .escrow
            .try_resolve_milestone(&1, &m.shares(&[(&m.p.receiver, UNIT)]))),
        Error::AlreadyResolved
    );
    assert_eq!(
        err(m
            .escrow
            .try_resolve_milestone(&0, &m.shares(&[(&m.p.receiver, UNIT)]))),
        Error::NotDisputed
    );
}

#[test]
fn distribution_errors() {
    let w = World::single();
    w.fund_all();
    w.env.mock_all_auths();
    w.escrow.dispute(&w.p.receiver, &text(&w.env, "x"));
    assert_eq!(
        err(w.escrow.try_resolve(&Map::new(&w.env))),
        Error::InvalidRecipientCount
    );
    let mut many = Map::new(&w.env);
    for _ in 0..21 {
        many.set(Address::generate(&w.env), 1);
    }
    assert_eq!(
        err(w.escrow.try_resolve(&many)),
        Error::InvalidRecipientCount
    );
    assert_eq!(
        err(w
            .escrow
            .try_resolve(&w.shares(&[(&w.p.receiver, AMOUNT), (&w.p.funder, 0)]))),
        Error::InvalidShare
    );
    assert_eq!(
        err(w
            .escrow
            .try_resolve(&w.shares(&[(&w.p.receiver, AMOUNT + 5), (&w.p.funder, -5)]))),
        Error::InvalidShare
    );
    assert_eq!(
        err(w
            .escrow
            .try_resolve(&w.shares(&[(&w.p.receiver, AMOUNT + 1)]))),
        Error::DistributionMismatch
    );
    let me = w.id();
    assert_eq!(
        err(w.escrow.try_resolve(&w.shares(&[(&me, AMOUNT)]))),
        Error::InvalidRecipient
    );
    assert_eq!(
        err(w
            .escrow
            .try_withdraw_remaining(&w.shares(&[(&w.p.receiver, AMOUNT)]))),
        Error::NotFinished
    );
    w.escrow.resolve(&w.shares(&[(&w.p.receiver, AMOUNT)]));
    assert_eq!(
        err(w
            .escrow
            .try_withdraw_remaining(&w.shares(&[(&w.p.receiver, 1)]))),
        Error::NothingToWithdraw
    );
    w.sac.mint(&w.id(), &UNIT);
    assert_eq!(
        err(w
            .escrow
            .try_withdraw_remaining(&w.shares(&[(&w.p.receiver, UNIT + 1)]))),
        Error::DistributionMismatch
    );
}

#[test]
fn refund_errors() {
    let w = World::single();
    w.env.mock_all_auths();
    w.escrow.fund(&w.p.funder, &UNIT, &1);
    assert_eq!(
        err(w.escrow.try_claim_refund(&w.p.funder)),
        Error::DeadlineNotReached
    );
    w.escrow.dispute(&w.p.approvers[0], &text(&w.env, "x"));
    w.env.ledger().set_timestamp(DEADLINE + 1);
    assert_eq!(err(w.escrow.try_claim_refund(&w.p.funder)), Error::Disputed);

    let m = World::multi();
    m.fund_all();
    m.approve(0);
    m.escrow.release_milestone(&0, &m.signers());
    m.env.ledger().set_timestamp(DEADLINE + 1);
    assert_eq!(
        err(m.escrow.try_claim_refund(&m.p.funder)),
        Error::RefundClosed
    );

    let n = World::single();
    n.fund_all();
    n.env.ledger().set_timestamp(DEADLINE + 1);
    assert_eq!(
        err(n.escrow.try_claim_refund(&n.p.stranger)),
        Error::NothingToRefund
    );
    n.escrow.claim_refund(&n.p.funder);
    assert_eq!(
        err(n.escrow.try_claim_refund(&n.p.funder)),
        Error::NothingToRefund
    );
    assert_eq!(
        err(n.escrow.try_approve_milestone(&0, &n.p.approvers[0])),
        Error::Refunding
    );
    assert_eq!(err(n.escrow.try_release(&n.signers())), Error::Refunding);

    let d = World::single();
    let id = d
        .env
        .register(EscrowContract, (with(&d, |c| c.deadline = None),));
    let client = crate::EscrowContractClient::new(&d.env, &id);
    assert_eq!(err(client.try_claim_refund(&d.p.funder)), Error::NoDeadline);
}

#[test]
fn update_errors() {
    let w = World::single();
    w.env.mock_all_auths();
    let other = Address::generate(&w.env);
    assert_eq!(
        err(w.escrow.try_update(&with(&w, |c| c.token = other.clone()))),
        Error::ImmutableField
    );
    assert_eq!(
        err(w
            .escrow
            .try_update(&with(&w, |c| c.platform_fee_bps = 9_000))),
        Error::ImmutableField
    );
    assert_eq!(
        err(w
            .escrow
            .try_update(&with(&w, |c| c.title = long_text(&w.env, 101)))),
        Error::TextTooLong
    );
    w.escrow.fund(&w.p.funder, &UNIT, &1);
    assert_eq!(err(w.escrow.try_update(&w.config)), Error::UpdateNotAllowed);
}

/// Every variant of the enum is asserted somewhere in this file.
#[test]
fn every_error_code_is_tested() {
    let source = include_str!("errors.rs");
    let json: serde_json::Value = serde_json::from_str(include_str!("../../errors.json")).unwrap();
    for row in json.as_array().unwrap() {
        let name = row["name"].as_str().unwrap();
        // `Error::Name` as a whole word (not the prefix of a longer variant's name).
        let needle = std::format!("Error::{name}");
        let reached = source.match_indices(&needle).any(|(at, _)| {
            let next = source[at + needle.len()..].chars().next();
            !next.is_some_and(|c| c.is_alphanumeric() || c == '_')
        });
        assert!(reached, "no test reaches Error::{name}");
    }
}
