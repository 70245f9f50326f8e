//! Persistence: state survives a restart, and a `kill -9` at any moment leaves a
//! consistent chain (every ledger is one SQLite transaction).

mod common;
use common::*;
use localnet::backend::{Chain, ChainConfig};
use std::time::Duration;

#[test]
fn state_and_history_survive_a_restart() {
    let mut t = TestChain::new();
    let (a, b) = (Key::named("a"), Key::named("b"));
    t.fund(&a, 100);
    t.fund(&b, 100);
    let out = t.submit(t.tx(&a).op(native_payment(&b, 7)).sign(&[&a]));
    let hash = out.expect_success().hash;
    let (seq, header_hash) = (t.chain.latest().seq, t.chain.header_hash());
    t.chain.advance_time(3600).unwrap();
    let close_time = t.chain.latest().close_time;
    let t = t.reopen();
    assert_eq!(t.chain.latest().seq, seq + 1);
    assert_eq!(t.balance(&b), 107 * XLM);
    assert!(t.chain.transaction(&hash).unwrap().is_some());
    assert!(t.chain.store().ledgers_from(seq, 1).unwrap()[0].hash == header_hash);
    assert!(
        t.chain.latest().close_time >= close_time,
        "the advanced clock is kept"
    );
    assert!(t.chain.now() >= close_time);
}

#[test]
fn a_different_passphrase_needs_reset() {
    let dir = temp_dir("passphrase");
    let open = |p: &str, reset: bool| {
        Chain::open(&ChainConfig {
            passphrase: p.into(),
            data_dir: dir.clone(),
            reset,
            ..Default::default()
        })
    };
    drop(open(PASSPHRASE, true).unwrap());
    assert!(open("Other network", false).is_err());
    assert_eq!(open("Other network", true).unwrap().latest().seq, 1);
    let _ = std::fs::remove_dir_all(&dir);
}

fn has_account(chain: &Chain, k: &Key) -> bool {
    let ov = localnet::backend::state::Overlay::new(chain.state(), chain.latest().seq);
    localnet::backend::accounts::load_account(&ov, &k.id()).is_some()
}

fn strkey(k: &Key) -> String {
    localnet::api::account_strkey(&k.public())
}

#[test]
fn kill_minus_nine_mid_load_leaves_a_consistent_chain() {
    let dir = temp_dir("crash");
    let port = free_port();
    let mut node = start(&dir, port);
    let (status, body) = http(
        port,
        "POST",
        &format!("/friendbot?addr={}", strkey(&Key::named("first"))),
        "",
    )
    .unwrap();
    assert_eq!(status, 200, "{body}");
    // Fund accounts from another thread and kill the node while it is writing.
    let loader = std::thread::spawn(move || {
        for i in 0..400 {
            if http(
                port,
                "POST",
                &format!(
                    "/friendbot?addr={}",
                    strkey(&Key::named(&format!("load{i}")))
                ),
                "",
            )
            .is_none()
            {
                break;
            }
        }
    });
    std::thread::sleep(Duration::from_millis(300));
    node.0.kill().unwrap(); // SIGKILL
    node.0.wait().unwrap();
    loader.join().unwrap();

    // Every transaction the store has is reflected in the state, and the ledger chain links.
    let chain = Chain::open(&ChainConfig {
        passphrase: PASSPHRASE.into(),
        data_dir: dir.clone(),
        reset: false,
        ..Default::default()
    })
    .unwrap();
    let ledgers = chain.store().ledgers_from(1, 10_000).unwrap();
    assert_eq!(ledgers.last().unwrap().seq, chain.latest().seq);
    for w in ledgers.windows(2) {
        let next = soroban_env_host::xdr::LedgerHeaderHistoryEntry::from_xdr(
            &w[1].header,
            soroban_env_host::xdr::Limits::none(),
        )
        .unwrap();
        assert_eq!(next.header.previous_ledger_hash.0, w[0].hash);
    }
    assert!(has_account(&chain, &Key::named("first")));
    let txs = chain.store().txs_from(0, 0, 10_000).unwrap();
    let funded = (0..400)
        .filter(|i| has_account(&chain, &Key::named(&format!("load{i}"))))
        .count();
    assert_eq!(
        funded + 1,
        txs.len(),
        "accounts in state match transactions in the store"
    );
    drop(chain);

    // And the node starts again on it.
    let dir2 = dir.clone();
    let node = start(&dir2, port);
    let (status, body) = http(
        port,
        "POST",
        "/rpc",
        r#"{"jsonrpc":"2.0","id":1,"method":"getHealth"}"#,
    )
    .unwrap();
    assert_eq!(status, 200);
    assert!(body.contains("healthy"));
    drop(node);
    let _ = std::fs::remove_dir_all(&dir2);
}

use soroban_env_host::xdr::ReadXdr;
