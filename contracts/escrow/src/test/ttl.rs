//! TTLs: writes keep the escrow's entries ahead; `extend_ttl` takes everything to the
//! network maximum.

use soroban_sdk::{
    testutils::{
        storage::{Instance as _, Persistent as _},
        Ledger as _,
    },
    Env,
};

use super::setup::*;
use crate::storage::{STATE, TTL_EXTEND_TO, TTL_THRESHOLD};

/// The escrow's two entries: the instance (terms and texts) and `state` (progress and funds).
struct Ttls {
    instance: u32,
    state: u32,
}

fn ttls(w: &World) -> Ttls {
    w.env.as_contract(&w.id(), || {
        let persistent = w.env.storage().persistent();
        Ttls {
            instance: w.env.storage().instance().get_ttl(),
            state: persistent.get_ttl(&STATE),
        }
    })
}

/// Closes `ledgers` ledgers of 5 seconds each.
fn advance(env: &Env, ledgers: u32) {
    env.ledger().with_mut(|l| {
        l.sequence_number += ledgers;
        l.timestamp += 5 * u64::from(ledgers);
    });
}

#[test]
fn writes_keep_entries_ahead() {
    let w = World::single();
    let created = ttls(&w);
    assert!(created.instance >= TTL_THRESHOLD && created.state >= TTL_THRESHOLD);

    // Close to the threshold a write takes the entries it touches back to TTL_EXTEND_TO.
    advance(&w.env, TTL_EXTEND_TO - TTL_THRESHOLD + 10);
    w.fund_all();
    let after = ttls(&w);
    let e = TTL_EXTEND_TO;
    assert_eq!(
        (after.instance, after.state),
        (e, e),
        "every entry, written or not"
    );

    // A later write keeps them all ahead again, the untouched instance included.
    advance(&w.env, TTL_EXTEND_TO - TTL_THRESHOLD + 10);
    w.approve(0);
    let later = ttls(&w);
    assert_eq!((later.instance, later.state), (e, e));
}

#[test]
fn extend_ttl_reaches_the_network_maximum() {
    let w = World::single();
    w.fund_all();
    w.env.mock_auths(&[]);
    w.escrow.extend_ttl();
    let max = w.env.ledger().get().max_entry_ttl - 1;
    let t = ttls(&w);
    assert_eq!((t.instance, t.state), (max, max));
}

/// Before the extension is due a change makes no TTL call (the entries are at least
/// `TTL_THRESHOLD` ahead anyway); from the due ledger on, the next change extends both.
#[test]
fn extensions_happen_only_when_due() {
    let w = World::single();
    let start = ttls(&w);
    advance(&w.env, 100);
    w.fund_all();
    let early = ttls(&w);
    assert_eq!(
        (early.instance, early.state),
        (start.instance - 100, start.state - 100),
        "nothing extended"
    );
    assert!(early.state >= TTL_THRESHOLD);
    advance(&w.env, TTL_EXTEND_TO - TTL_THRESHOLD - 100);
    w.approve(0);
    let due = ttls(&w);
    assert_eq!((due.instance, due.state), (TTL_EXTEND_TO, TTL_EXTEND_TO));
}
