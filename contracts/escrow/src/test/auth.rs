//! The auth matrix: for every function, every role and a stranger, exactly the right
//! addresses succeed. Each cell runs on a fresh escrow brought to the step's precondition,
//! then authorises the call for one address only (`mock_auths`, never `mock_all_auths`).

use soroban_sdk::{testutils::MockAuthInvoke, vec, Address, IntoVal};

use super::setup::*;
use crate::EscrowKind;

const ROLES: [&str; 9] = [
    "platform", "approver", "provider", "signer", "resolver", "receiver", "protocol", "funder",
    "stranger",
];

fn role(w: &World, name: &str) -> Address {
    match name {
        "platform" => w.p.platform.clone(),
        "approver" => w.p.approvers[0].clone(),
        "provider" => w.p.service_provider.clone(),
        "signer" => w.p.signers[0].clone(),
        "resolver" => w.p.resolver.clone(),
        "receiver" => w.p.receiver.clone(),
        "protocol" => w.p.protocol.clone(),
        "funder" => w.p.funder.clone(),
        _ => w.p.stranger.clone(),
    }
}

/// Runs `call` as each role on a fresh escrow prepared by `prepare`; exactly `allowed` succeed.
fn matrix(
    kind: EscrowKind,
    prepare: fn(&World),
    call: fn(&World, &Address) -> bool,
    allowed: &[&str],
) {
    for name in ROLES {
        let w = World::build(kind, 1, 1, 1, 1);
        prepare(&w);
        let who = role(&w, name);
        assert_eq!(call(&w, &who), allowed.contains(&name), "{name}");
    }
}

fn nothing(_: &World) {}

fn funded(w: &World) {
    w.fund_all();
}

fn status_set(w: &World) {
    w.fund_all();
    w.env.mock_all_auths();
    w.escrow
        .set_milestone_status(&0, &text(&w.env, "done"), &None);
}

fn all_approved(w: &World) {
    w.fund_all();
    w.approve(0);
    w.approve(1);
}

fn disputed(w: &World) {
    w.fund_all();
    w.env.mock_all_auths();
    match w.config.kind {
        EscrowKind::Single => w.escrow.dispute(&w.p.approvers[0], &text(&w.env, "late")),
        EscrowKind::Multi => {
            w.escrow
                .dispute_milestone(&0, &w.p.approvers[0], &text(&w.env, "late"))
        }
    }
}

fn released_with_leftover(w: &World) {
    all_approved(w);
    w.env.mock_all_auths();
    w.escrow.release(&w.signers());
    w.sac.mint(&w.id(), &UNIT);
}

fn past_deadline(w: &World) {
    w.fund_all();
    use soroban_sdk::testutils::Ledger as _;
    w.env.ledger().set_timestamp(DEADLINE + 1);
}

#[test]
fn constructor_requires_the_platforms_auth() {
    let w = World::single();
    let hash = w
        .env
        .deployer()
        .upload_contract_wasm(super::chain::dist_wasm().as_slice());
    // Record what the deployment requires (the constructor runs below the create-contract call).
    w.env.mock_all_auths_allowing_non_root_auth();
    let deployer = w
        .env
        .deployer()
        .with_address(w.p.stranger.clone(), [7u8; 32]);
    let id = deployer.deploy_v2(hash, (w.config.clone(),));
    let signers: std::vec::Vec<Address> = w.env.auths().into_iter().map(|(who, _)| who).collect();
    assert!(
        signers.contains(&w.p.platform),
        "the platform authorised the deployment"
    );
    assert!(
        crate::EscrowContractClient::new(&w.env, &id)
            .get_escrow()
            .config
            == w.config
    );
}

/// Enforced auth, as on a network: the platform deploying and signing for the constructor
/// succeeds; anyone else deploying the same config (front-running it) cannot, nor can the
/// platform without signing for the constructor.
#[test]
fn only_the_platform_can_initialise_its_escrow() {
    use super::chain::{dist_wasm, Chain};
    let mut chain = Chain::new();
    let (platform, stranger, someone) = (chain.account(), chain.account(), chain.account());
    let env = chain.env.clone();
    let mut config = single_config(
        &env,
        &chain.token,
        Parties::new(&env, 1, 1).roles(&env, 1, 1),
        &someone.address,
    );
    config.roles.platform = platform.address.clone();
    let wasm = dist_wasm();
    assert!(
        chain
            .deploy(&wasm, config.clone(), &stranger, [1; 32], true)
            .is_err(),
        "a stranger"
    );
    assert!(
        chain
            .deploy(&wasm, config.clone(), &platform, [2; 32], false)
            .is_err(),
        "no constructor auth"
    );
    let id = chain
        .deploy(&wasm, config.clone(), &platform, [3; 32], true)
        .expect("the platform");
    assert_eq!(
        crate::EscrowContractClient::new(&env, &id)
            .get_escrow()
            .config,
        config
    );
}

#[test]
fn fund_needs_the_funders_auth() {
    matrix(
        EscrowKind::Single,
        nothing,
        |w, who| {
            let (from, id, amount) = (w.p.funder.clone(), w.id(), AMOUNT);
            let transfer = MockAuthInvoke {
                contract: &w.token.address,
                fn_name: "transfer",
                args: (&from, &id, amount).into_val(&w.env),
                sub_invokes: &[],
            };
            w.auth_as(who, "fund", w.args((&from, amount, 1u32)), &[transfer]);
            w.escrow.try_fund(&from, &amount, &1).is_ok()
        },
        &["funder"],
    );
}

#[test]
fn set_milestone_status_needs_the_service_provider() {
    matrix(
        EscrowKind::Single,
        funded,
        |w, who| {
            let (status, evidence) = (text(&w.env, "done"), Some(text(&w.env, "url")));
            w.auth_as(
                who,
                "set_milestone_status",
                w.args((0u32, &status, &evidence)),
                &[],
            );
            w.escrow
                .try_set_milestone_status(&0, &status, &evidence)
                .is_ok()
        },
        &["provider"],
    );
}

#[test]
fn approve_milestone_needs_an_approver_approving_for_itself() {
    // Each address approving in its own name: only approvers may.
    matrix(
        EscrowKind::Single,
        status_set,
        |w, who| {
            w.auth_as(who, "approve_milestone", w.args((0u32, who)), &[]);
            w.escrow.try_approve_milestone(&0, who).is_ok()
        },
        &["approver"],
    );
    // Each address signing an approval in the approver's name: only the approver may.
    matrix(
        EscrowKind::Single,
        status_set,
        |w, who| {
            let approver = w.p.approvers[0].clone();
            w.auth_as(who, "approve_milestone", w.args((0u32, &approver)), &[]);
            w.escrow.try_approve_milestone(&0, &approver).is_ok()
        },
        &["approver"],
    );
}

#[test]
fn release_needs_the_release_signers() {
    matrix(
        EscrowKind::Single,
        all_approved,
        |w, who| {
            let signers = vec![&w.env, who.clone()];
            w.auth_as(who, "release", w.args((&signers,)), &[]);
            w.escrow.try_release(&signers).is_ok()
        },
        &["signer"],
    );
    matrix(
        EscrowKind::Single,
        all_approved,
        |w, who| {
            let signers = w.signers();
            w.auth_as(who, "release", w.args((&signers,)), &[]);
            w.escrow.try_release(&signers).is_ok()
        },
        &["signer"],
    );
}

#[test]
fn release_milestone_needs_the_release_signers() {
    matrix(
        EscrowKind::Multi,
        all_approved,
        |w, who| {
            let signers = vec![&w.env, who.clone()];
            w.auth_as(who, "release_milestone", w.args((0u32, &signers)), &[]);
            w.escrow.try_release_milestone(&0, &signers).is_ok()
        },
        &["signer"],
    );
    matrix(
        EscrowKind::Multi,
        all_approved,
        |w, who| {
            let signers = w.signers();
            w.auth_as(who, "release_milestone", w.args((0u32, &signers)), &[]);
            w.escrow.try_release_milestone(&0, &signers).is_ok()
        },
        &["signer"],
    );
}

/// The named parties. A mere funder is not one (v2: a one-unit funder could otherwise freeze
/// any escrow), nor is the protocol fee recipient or the resolver.
const PARTIES: [&str; 5] = ["platform", "approver", "provider", "signer", "receiver"];

#[test]
fn dispute_needs_a_party_disputing_for_itself() {
    matrix(
        EscrowKind::Single,
        funded,
        |w, who| {
            let reason = text(&w.env, "late");
            w.auth_as(who, "dispute", w.args((who, &reason)), &[]);
            w.escrow.try_dispute(who, &reason).is_ok()
        },
        &PARTIES,
    );
    matrix(
        EscrowKind::Single,
        funded,
        |w, who| {
            let (by, reason) = (w.p.receiver.clone(), text(&w.env, "late"));
            w.auth_as(who, "dispute", w.args((&by, &reason)), &[]);
            w.escrow.try_dispute(&by, &reason).is_ok()
        },
        &["receiver"],
    );
}

#[test]
fn dispute_milestone_needs_a_party_disputing_for_itself() {
    matrix(
        EscrowKind::Multi,
        funded,
        |w, who| {
            let reason = text(&w.env, "late");
            w.auth_as(who, "dispute_milestone", w.args((1u32, who, &reason)), &[]);
            w.escrow.try_dispute_milestone(&1, who, &reason).is_ok()
        },
        &PARTIES,
    );
    matrix(
        EscrowKind::Multi,
        funded,
        |w, who| {
            let (by, reason) = (w.p.approvers[0].clone(), text(&w.env, "late"));
            w.auth_as(who, "dispute_milestone", w.args((1u32, &by, &reason)), &[]);
            w.escrow.try_dispute_milestone(&1, &by, &reason).is_ok()
        },
        &["approver"],
    );
}

#[test]
fn resolve_needs_the_dispute_resolver() {
    matrix(
        EscrowKind::Single,
        disputed,
        |w, who| {
            let shares = w.shares(&[(&w.p.receiver, AMOUNT)]);
            w.auth_as(who, "resolve", w.args((&shares,)), &[]);
            w.escrow.try_resolve(&shares).is_ok()
        },
        &["resolver"],
    );
}

#[test]
fn resolve_milestone_needs_the_dispute_resolver() {
    matrix(
        EscrowKind::Multi,
        disputed,
        |w, who| {
            let shares = w.shares(&[(&w.p.receiver, UNIT)]);
            w.auth_as(who, "resolve_milestone", w.args((0u32, &shares)), &[]);
            w.escrow.try_resolve_milestone(&0, &shares).is_ok()
        },
        &["resolver"],
    );
}

#[test]
fn withdraw_remaining_needs_the_dispute_resolver() {
    matrix(
        EscrowKind::Single,
        released_with_leftover,
        |w, who| {
            let shares = w.shares(&[(&w.p.platform, UNIT)]);
            w.auth_as(who, "withdraw_remaining", w.args((&shares,)), &[]);
            w.escrow.try_withdraw_remaining(&shares).is_ok()
        },
        &["resolver"],
    );
}

#[test]
fn update_needs_the_platform() {
    matrix(
        EscrowKind::Single,
        nothing,
        |w, who| {
            let mut config = w.config.clone();
            config.title = text(&w.env, "Renamed");
            w.auth_as(who, "update", w.args((&config,)), &[]);
            w.escrow.try_update(&config).is_ok()
        },
        &["platform"],
    );
}

#[test]
fn claim_refund_extend_ttl_and_reads_need_no_auth() {
    // Whoever signs (or nobody): the refund still goes only to the funder.
    matrix(
        EscrowKind::Single,
        past_deadline,
        |w, who| {
            w.auth_as(who, "claim_refund", w.args((&w.p.funder,)), &[]);
            let ok = w.escrow.try_claim_refund(&w.p.funder).is_ok();
            ok && w.balance(&w.p.funder) == 100 * UNIT
                && w.balance(who) == if *who == w.p.funder { 100 * UNIT } else { 0 }
        },
        &ROLES,
    );
    matrix(
        EscrowKind::Single,
        funded,
        |w, who| {
            w.auth_as(who, "extend_ttl", w.args(()), &[]);
            w.escrow.try_extend_ttl().is_ok()
                && w.escrow.try_get_escrow().is_ok()
                && w.escrow.try_get_funding(who).is_ok()
        },
        &ROLES,
    );
    let w = World::single();
    w.env.mock_auths(&[]);
    assert!(w.escrow.try_extend_ttl().is_ok() && w.escrow.try_get_escrow().is_ok());
}
