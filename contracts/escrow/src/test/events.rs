//! Every state change publishes one event under ("escrow", <action>) with the payload the
//! README documents; an indexer can rebuild the escrow from them.

use soroban_sdk::{
    symbol_short, testutils::Events as _, vec, Address, Env, IntoVal, Symbol, Val, Vec,
};

use super::setup::*;
use crate::{
    Approved, Created, Disputed, Funded, Payout, Refunded, Released, Resolved, StatusSet, Updated,
    Withdrawn,
};

/// The escrow's own events from the last call, as (topics, data).
fn last(w: &World) -> std::vec::Vec<(Vec<Val>, Val)> {
    let all = w.env.events().all().filter_by_contract(&w.id());
    all.events()
        .iter()
        .map(|e| {
            let soroban_sdk::xdr::ContractEventBody::V0(body) = &e.body;
            let topics: Vec<Val> = Vec::from_iter(
                &w.env,
                body.topics.iter().map(|t| Val::try_from_val_xdr(&w.env, t)),
            );
            (topics, Val::try_from_val_xdr(&w.env, &body.data))
        })
        .collect()
}

trait FromXdr {
    fn try_from_val_xdr(env: &Env, v: &soroban_sdk::xdr::ScVal) -> Val;
}

impl FromXdr for Val {
    fn try_from_val_xdr(env: &Env, v: &soroban_sdk::xdr::ScVal) -> Val {
        use soroban_sdk::TryFromVal;
        Val::try_from_val(env, v).unwrap()
    }
}

fn topics(env: &Env, action: Symbol) -> Vec<Val> {
    (symbol_short!("escrow"), action).into_val(env)
}

fn assert_one<T: IntoVal<Env, Val>>(w: &World, action: Symbol, data: T) {
    assert_events(w, last(w), action, data);
}

/// `events` (taken from the last call) are exactly one: `action` with `data`.
fn assert_events<T: IntoVal<Env, Val>>(
    w: &World,
    events: std::vec::Vec<(Vec<Val>, Val)>,
    action: Symbol,
    data: T,
) {
    assert_eq!(events.len(), 1, "one event per state change");
    let (t, d) = &events[0];
    assert_eq!(*t, topics(&w.env, action));
    let expected: Val = data.into_val(&w.env);
    assert!(
        expected.shallow_eq(d) || format_eq(&w.env, &expected, d),
        "event data"
    );
}

/// Deep equality through XDR (Vals of objects compare by handle otherwise).
fn format_eq(env: &Env, a: &Val, b: &Val) -> bool {
    use soroban_sdk::{xdr::ScVal, TryFromVal};
    ScVal::try_from_val(env, a).unwrap() == ScVal::try_from_val(env, b).unwrap()
}

#[test]
fn every_step_publishes_its_event() {
    let w = World::single();
    let env = &w.env;
    // The constructor's event is checked on a fresh deployment below.
    w.env.mock_all_auths();
    w.escrow.fund(&w.p.funder, &AMOUNT, &1);
    assert_one(
        &w,
        symbol_short!("funded"),
        Funded(w.p.funder.clone(), AMOUNT),
    );

    let status = text(env, "sent");
    w.escrow
        .set_milestone_status(&0, &status, &Some(text(env, "https://x.test")));
    assert_one(
        &w,
        symbol_short!("status"),
        StatusSet(0, status, Some(text(env, "https://x.test"))),
    );

    w.escrow.approve_milestone(&0, &w.p.approvers[0]);
    assert_one(
        &w,
        symbol_short!("approved"),
        Approved(0, w.p.approvers[0].clone(), true),
    );

    w.escrow.dispute(&w.p.receiver, &text(env, "why"));
    assert_one(
        &w,
        symbol_short!("disputed"),
        Disputed(None, w.p.receiver.clone(), text(env, "why")),
    );

    w.escrow
        .resolve(&w.shares(&[(&w.p.funder, 4 * UNIT), (&w.p.receiver, 6 * UNIT)]));
    let payouts = vec![
        env,
        Payout(w.p.funder.clone(), 4 * UNIT, 4 * UNIT, 0, 0),
        Payout(
            w.p.receiver.clone(),
            6 * UNIT,
            0,
            6 * UNIT * 3 / 1000,
            6 * UNIT * 3 / 100,
        ),
    ];
    // The map orders recipients by address.
    let mut sorted = payouts.clone();
    if w.p.receiver < w.p.funder {
        sorted = vec![env, payouts.get(1).unwrap(), payouts.get(0).unwrap()];
    }
    assert_one(&w, symbol_short!("resolved"), Resolved(None, sorted));

    w.sac.mint(&w.id(), &UNIT);
    w.escrow
        .withdraw_remaining(&w.shares(&[(&w.p.platform, UNIT)]));
    let fee = |bps: i128| UNIT * bps / 10_000;
    let payout = Payout(w.p.platform.clone(), UNIT, 0, fee(30), fee(300));
    assert_eq!(payout.net(), UNIT - fee(330));
    assert_one(&w, symbol_short!("withdrawn"), Withdrawn(vec![env, payout]));
}

#[test]
fn release_refund_create_and_update_events() {
    let w = World::multi();
    w.fund_all();
    w.approve(0);
    w.escrow.release_milestone(&0, &w.signers());
    let gross = 4 * UNIT;
    let payout = Payout(
        w.p.receiver.clone(),
        gross,
        0,
        gross * 30 / 10_000,
        gross * 300 / 10_000,
    );
    assert_one(
        &w,
        symbol_short!("released"),
        Released(Some(0), w.signers(), payout),
    );

    // Refund on another escrow (nothing released there).
    let r = World::single();
    r.fund_all();
    r.env.ledger_at(DEADLINE + 1);
    r.escrow.claim_refund(&r.p.funder);
    assert_one(
        &r,
        symbol_short!("refunded"),
        Refunded(r.p.funder.clone(), AMOUNT),
    );

    // Creation and update carry the whole config, as the instance stores it: enough to
    // rebuild the config from the event alone.
    let u = World::single();
    let id = u.env.register(crate::EscrowContract, (u.config.clone(),));
    let created = u.env.events().all().filter_by_contract(&id);
    assert_eq!(created.events().len(), 1);
    let (terms, texts) = stored_config(&u.env, &id);
    assert_eq!(rebuilt(&u.env, terms.clone(), texts.clone()), u.config);
    let mut config = u.config.clone();
    config.title = text(&u.env, "New title");
    u.env.mock_all_auths();
    u.escrow.update(&config);
    let events = last(&u);
    let (terms, texts_after) = stored_config(&u.env, &u.id());
    assert_events(
        &u,
        events,
        symbol_short!("updated"),
        Updated(terms.clone(), texts_after.clone(), 2),
    );
    assert_eq!(rebuilt(&u.env, terms.clone(), texts_after), config);
    let _ = Created(terms, texts);
    let _: Address = w.id();
}

/// The config's rows in escrow `id`'s instance: what `created` and `updated` carry.
fn stored_config(env: &Env, id: &Address) -> (crate::TermsRow, crate::Texts) {
    env.as_contract(id, || {
        let instance = env.storage().instance();
        (
            instance.get(&crate::storage::TERMS).unwrap(),
            instance.get(&crate::storage::TEXTS).unwrap(),
        )
    })
}

/// The config an indexer rebuilds from the event's rows alone (the contract's own conversion).
fn rebuilt(env: &Env, terms: crate::TermsRow, texts: crate::Texts) -> crate::EscrowConfig {
    crate::storage::config_from(env, crate::storage::terms_from_row(terms), texts)
}

trait LedgerAt {
    fn ledger_at(&self, timestamp: u64);
}

impl LedgerAt for Env {
    fn ledger_at(&self, timestamp: u64) {
        use soroban_sdk::testutils::Ledger as _;
        self.ledger().set_timestamp(timestamp);
    }
}
