//! Fork mode against a second localnet as the upstream: an escrow deployed and funded
//! upstream is read through, changed in the fork, and stays unchanged upstream; the
//! fork takes the upstream's passphrase and ledger, funds from its own root, and
//! remembers its upstream across a restart.

mod common;
use common::escrow::*;
use common::*;
use localnet::backend::accounts::load_account;
use localnet::backend::state::Overlay;
use localnet::backend::{Chain, ChainConfig};
use soroban_env_host::xdr::*;
use std::time::Instant;

fn escrow_xdr(c: &Chain, e: &FundedEscrow) -> Vec<u8> {
    read(c, &e.funder, call(e.id, "get_escrow", vec![]))
        .to_xdr(Limits::none())
        .unwrap()
}

#[test]
fn a_fork_reads_the_upstream_and_keeps_its_changes_to_itself() {
    let mut up = TestChain::new();
    let e = funded_escrow(&mut up);
    let upstream_escrow = escrow_xdr(&up.chain, &e);
    let up_seq = up.chain.latest().seq;
    let up_dir = up.dir.clone();
    let upstream = serve(up.into_chain());
    let (api, port) = (upstream.api().clone(), upstream.port());

    let dir = temp_dir("fork");
    let url = format!("http://127.0.0.1:{port}/rpc");
    let cfg = ChainConfig {
        passphrase: "not used: a fork takes the upstream's".into(),
        data_dir: dir.clone(),
        reset: true,
        fork_url: Some(url.clone()),
        ..Default::default()
    };
    let started = Instant::now();
    let chain = Chain::open(&cfg).unwrap();
    println!("fork opened in {:?}", started.elapsed());
    let mut fork = TestChain::from_chain(chain, dir.clone());
    assert_eq!(fork.chain.passphrase(), PASSPHRASE);
    assert_eq!(
        fork.chain.latest().seq,
        up_seq,
        "the fork starts at the upstream's latest ledger"
    );

    // The escrow, its code, its token balance: read through on first use.
    let started = Instant::now();
    let in_fork = escrow_xdr(&fork.chain, &e);
    println!(
        "first read of the upstream escrow (simulation, entries fetched) in {:?}",
        started.elapsed()
    );
    assert_eq!(in_fork, upstream_escrow);
    let key = LedgerKey::Account(LedgerKeyAccount {
        account_id: Key::named("fork-probe").id(),
    });
    let started = Instant::now();
    fork.chain.state().prefetch(&[key]);
    println!(
        "one upstream getLedgerEntries round trip in {:?}",
        started.elapsed()
    );

    // Changed in the fork (the provider marks the milestone), not upstream.
    run_host_function(
        &mut fork,
        &e.provider,
        call(
            e.id,
            "set_milestone_status",
            vec![ScVal::U32(0), text("done"), ScVal::Void],
        ),
    );
    let changed = escrow_xdr(&fork.chain, &e);
    assert_ne!(changed, upstream_escrow);
    assert_eq!(
        escrow_xdr(&api.chain(), &e),
        upstream_escrow,
        "the upstream is unchanged"
    );
    assert_eq!(api.chain().latest().seq, up_seq, "and closed nothing");

    // Friendbot's root is the fork's own: a new account exists only here.
    let newcomer = Key::named("fork-newcomer");
    fork.fund(&newcomer, 5);
    assert_eq!(fork.balance(&newcomer), 5 * XLM);
    let upstream_has = {
        let c = api.chain();
        load_account(&Overlay::new(c.state(), c.latest().seq), &newcomer.id()).is_some()
    };
    assert!(!upstream_has);

    // A restart keeps the fork (and what it wrote); another upstream needs --reset.
    drop(fork.into_chain());
    let reopened = Chain::open(&ChainConfig {
        reset: false,
        fork_url: None,
        ..cfg.clone()
    })
    .unwrap();
    assert_eq!(reopened.upstream_url().map(String::from), Some(url));
    assert_eq!(escrow_xdr(&reopened, &e), changed);
    drop(reopened);
    let other = ChainConfig {
        reset: false,
        fork_url: Some("http://127.0.0.1:1/rpc".into()),
        ..cfg
    };
    assert!(Chain::open(&other)
        .err()
        .unwrap()
        .to_string()
        .contains("--reset"));
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(&up_dir);
}

#[test]
fn an_unreachable_or_https_upstream_is_a_clear_start_up_error() {
    let dir = temp_dir("fork-bad");
    let open = |url: &str| {
        let cfg = ChainConfig {
            data_dir: dir.clone(),
            reset: true,
            fork_url: Some(url.into()),
            ..Default::default()
        };
        Chain::open(&cfg).err().expect("refused").to_string()
    };
    assert!(open("https://rpc.example/").contains("only http://"));
    assert!(open(&format!("http://127.0.0.1:{}/rpc", free_port()))
        .contains("reading the upstream to fork"));
    let _ = std::fs::remove_dir_all(&dir);
}
