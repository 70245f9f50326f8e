//! TTLs: writes keep the escrow's entries ahead; `extend_ttl` takes everything to the
//! network maximum.

use soroban_sdk::{
    testutils::{storage::{Instance as _, Persistent as _}, Ledger as _},
    Env,
};

use super::setup::*;
use crate::storage::{FUNDS, STATE, TEXTS, TTL_EXTEND_TO, TTL_THRESHOLD};

struct Ttls {
    instance: u32,
    state: u32,
    texts: u32,
    funds: u32,
}

fn ttls(w: &World) -> Ttls {
    w.env.as_contract(&w.id(), || {
        let persistent = w.env.storage().persistent();
        Ttls {
            instance: w.env.storage().instance().get_ttl(),
            state: persistent.get_ttl(&STATE),
            texts: persistent.get_ttl(&TEXTS),
            funds: if persistent.has(&FUNDS) { persistent.get_ttl(&FUNDS) } else { 0 },
        }
    })
}

fn advance(env: &Env, ledgers: u32) {
    env.ledger().with_mut(|l| l.sequence_number += ledgers);
}

#[test]
fn writes_keep_entries_ahead() {
    let w = World::single();
    let created = ttls(&w);
    assert!(created.instance >= TTL_THRESHOLD && created.state >= TTL_THRESHOLD && created.texts >= TTL_THRESHOLD);

    // Close to the threshold a write takes the entries it touches back to TTL_EXTEND_TO.
    advance(&w.env, TTL_EXTEND_TO - TTL_THRESHOLD + 10);
    w.fund_all();
    let after = ttls(&w);
    let e = TTL_EXTEND_TO;
    assert_eq!((after.instance, after.state, after.texts, after.funds), (e, e, e, e), "every entry, written or not");

    // A later write keeps them all ahead again, the untouched texts and funds included.
    advance(&w.env, TTL_EXTEND_TO - TTL_THRESHOLD + 10);
    w.approve(0);
    let later = ttls(&w);
    assert_eq!((later.instance, later.state, later.texts, later.funds), (e, e, e, e));
}

#[test]
fn extend_ttl_reaches_the_network_maximum() {
    let w = World::single();
    w.fund_all();
    w.env.mock_auths(&[]);
    w.escrow.extend_ttl();
    let max = w.env.ledger().get().max_entry_ttl - 1;
    let t = ttls(&w);
    assert_eq!((t.instance, t.state, t.texts, t.funds), (max, max, max, max));
}
