//! History retention (`--history-retention-window`): ledgers, transactions and events
//! older than the window are deleted, the RPC reports the window, and queries before it
//! get stellar-rpc's errors. State is never pruned.

mod common;
use common::*;
use localnet::api::Api;
use localnet::backend::{Chain, ChainConfig};
use serde_json::{json, Value};

fn node(dir: &std::path::Path, window: Option<u32>, reset: bool) -> Api {
    let cfg = ChainConfig {
        passphrase: PASSPHRASE.into(),
        data_dir: dir.to_path_buf(),
        reset,
        retention_window: window,
        ..Default::default()
    };
    Api::new(Chain::open(&cfg).unwrap(), "http://127.0.0.1:0")
}

fn ok(api: &Api, method: &str, params: Value) -> Value {
    api.call(method, &params)
        .unwrap_or_else(|e| panic!("{method}: {} {}", e.code(), e.message()))
}

fn err(api: &Api, method: &str, params: Value) -> (i64, String) {
    let e = api.call(method, &params).expect_err(method);
    (e.code(), e.message().to_string())
}

/// Funds a fresh account through friendbot; returns the transaction hash.
fn friendbot(api: &Api, name: &str) -> String {
    let addr = localnet::api::account_strkey(&Key::named(name).public());
    let (status, body) = api.friendbot(Some(&addr));
    assert_eq!(status, 200, "{body}");
    body["hash"].as_str().unwrap().to_string()
}

fn close_empty(api: &Api, n: u32) {
    for _ in 0..n {
        api.chain().close_empty().unwrap();
    }
}

#[test]
fn history_older_than_the_window_is_pruned_and_reported() {
    let dir = temp_dir("retention");
    let api = node(&dir, Some(4), true);
    let old = friendbot(&api, "old"); // ledger 2
    let old_ledger = ok(&api, "getTransaction", json!({ "hash": old }))["ledger"]
        .as_u64()
        .unwrap();
    close_empty(&api, 5);
    let new = friendbot(&api, "new");
    let latest = api.chain().latest().seq;
    let oldest = latest - 3;
    assert!(old_ledger < oldest as u64);

    let health = ok(&api, "getHealth", Value::Null);
    assert_eq!(health["oldestLedger"], oldest);
    assert_eq!(health["latestLedger"], latest);
    assert_eq!(health["ledgerRetentionWindow"], 4);
    let oldest_time = api
        .chain()
        .store()
        .ledger_close_time(oldest)
        .unwrap()
        .unwrap();
    assert_eq!(health["oldestLedgerCloseTime"], oldest_time);

    // Pruned transactions are simply not found; the answer carries the window.
    let gone = ok(&api, "getTransaction", json!({ "hash": old }));
    assert_eq!(gone["status"], "NOT_FOUND");
    assert_eq!(gone["oldestLedger"], oldest);
    assert_eq!(gone["oldestLedgerCloseTime"], oldest_time.to_string());
    assert_eq!(
        ok(&api, "getTransaction", json!({ "hash": new }))["status"],
        "SUCCESS"
    );

    // Starting before the window: stellar-rpc's errors and codes.
    let range = format!("must be between the oldest ledger: {oldest} and the latest ledger: {latest} for this rpc instance");
    let (code, msg) = err(&api, "getTransactions", json!({ "startLedger": 2 }));
    assert_eq!((code, msg), (-32600, format!("start ledger (2) {range}")));
    let (code, msg) = err(&api, "getLedgers", json!({ "startLedger": 1 }));
    assert_eq!((code, msg), (-32600, format!("start ledger (1) {range}")));
    let (code, msg) = err(
        &api,
        "getLedgers",
        json!({ "pagination": { "cursor": "1" } }),
    );
    assert_eq!((code, msg), (-32602, format!("cursor ('1') {range}")));
    let (code, msg) = err(&api, "getEvents", json!({ "startLedger": old_ledger }));
    assert_eq!(
        (code, msg),
        (
            -32600,
            format!("startLedger must be within the ledger range: {oldest} - {latest}")
        )
    );
    let old_cursor = format!("{:019}-{:010}", (old_ledger as i64) << 32, 0);
    let (code, _) = err(
        &api,
        "getEvents",
        json!({ "pagination": { "cursor": old_cursor } }),
    );
    assert_eq!(code, -32600);
    let (code, msg) = err(
        &api,
        "getTransactions",
        json!({ "pagination": { "cursor": ((old_ledger << 32) | 4096).to_string() } }),
    );
    assert_eq!(
        (code, msg),
        (
            -32602,
            format!("database does not contain metadata for ledger: {old_ledger}")
        )
    );

    // Inside the window everything answers, from the oldest ledger on.
    let ledgers = ok(
        &api,
        "getLedgers",
        json!({ "startLedger": oldest, "pagination": { "limit": 10 } }),
    );
    assert_eq!(ledgers["ledgers"].as_array().unwrap().len(), 4);
    assert_eq!(ledgers["oldestLedger"], oldest);
    let txs = ok(&api, "getTransactions", json!({ "startLedger": oldest }));
    assert_eq!(txs["transactions"].as_array().unwrap().len(), 1);
    assert_eq!(txs["oldestLedgerCloseTimestamp"], oldest_time);
    let events = ok(&api, "getEvents", json!({ "startLedger": oldest }));
    assert!(events["events"]
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["ledger"].as_u64().unwrap() >= oldest as u64));
    assert!(!events["events"].as_array().unwrap().is_empty());
    // A short page's cursor resumes at the tip without error.
    let again = ok(
        &api,
        "getEvents",
        json!({ "pagination": { "cursor": events["cursor"] } }),
    );
    assert_eq!(again["events"].as_array().unwrap().len(), 0);

    // The store holds nothing older either, and state is untouched.
    let c = api.chain();
    assert!(c
        .store()
        .get_tx(&hex::decode(&old).unwrap().try_into().unwrap())
        .unwrap()
        .is_none());
    assert_eq!(c.store().oldest_ledger().unwrap().unwrap().seq, oldest);
    assert!(c
        .events_between((0, 0, 0, 0), oldest, 10)
        .unwrap()
        .is_empty());
    drop(c);
    let ov_has_old = {
        let c = api.chain();
        let ov = localnet::backend::state::Overlay::new(c.state(), c.latest().seq);
        localnet::backend::accounts::load_account(&ov, &Key::named("old").id()).is_some()
    };
    assert!(ov_has_old, "state is never pruned");
    drop(api);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_window_given_at_restart_applies_at_once_and_none_keeps_all() {
    let dir = temp_dir("retention-restart");
    let api = node(&dir, None, true);
    friendbot(&api, "a");
    close_empty(&api, 10);
    let latest = api.chain().latest().seq;
    assert_eq!(ok(&api, "getHealth", Value::Null)["oldestLedger"], 1);
    assert_eq!(
        ok(&api, "getHealth", Value::Null)["ledgerRetentionWindow"],
        latest
    );
    drop(api);

    let api = node(&dir, Some(3), false);
    assert_eq!(api.chain().oldest_ledger(), latest - 2);
    assert_eq!(
        api.chain().store().oldest_ledger().unwrap().unwrap().seq,
        latest - 2
    );
    // Closing more ledgers moves the window one ledger at a time.
    close_empty(&api, 2);
    assert_eq!(ok(&api, "getHealth", Value::Null)["oldestLedger"], latest);
    drop(api);

    // Without a window again nothing more is pruned (what was pruned is gone).
    let api = node(&dir, None, false);
    close_empty(&api, 3);
    assert_eq!(api.chain().oldest_ledger(), latest);
    drop(api);
    let _ = std::fs::remove_dir_all(&dir);
}
