//! Ledger snapshots: after an escrow is deployed and funded on localnet, `snapshot`
//! writes soroban-sdk's JSON; soroban-sdk's testutils load it and read the escrow back
//! exactly as localnet does; `--from-snapshot` starts a new chain with the same state.
//! The escrow's interface is changing, so calls are built from the Wasm's own spec
//! where they might differ, and `get_escrow` is compared as raw XDR.

mod common;
use common::escrow::*;
use common::*;
use localnet::backend::ledger_snapshot::{LedgerSnapshot, SnapshotOptions};
use localnet::backend::{genesis, Chain, ChainConfig};
use soroban_env_host::xdr::*;

#[test]
fn a_snapshot_after_an_escrow_is_funded_loads_into_soroban_sdk_and_into_a_new_chain() {
    let mut t = TestChain::new();
    let e = funded_escrow(&mut t);
    let (escrow, funder, usdc_sac) = (e.id, e.funder.clone(), t.chain.usdc_contract());
    let on_localnet = read(&t.chain, &funder, call(escrow, "get_escrow", vec![]))
        .to_xdr(Limits::none())
        .unwrap();

    // Only the escrow and the token: what a contract test needs.
    let dir = temp_dir("snapshot");
    std::fs::create_dir_all(&dir).unwrap();
    let only = dir.join("escrow.json");
    // The escrow's SDK (27) runs a protocol-27 host, which refuses a newer ledger.
    let filter = SnapshotOptions {
        contracts: vec![escrow, usdc_sac],
        accounts: vec![],
        protocol_version: Some(27),
    };
    t.chain.snapshot(&filter).write_file(&only).unwrap();
    let snap = LedgerSnapshot::read_file(&only).unwrap();
    assert_eq!(snap.sequence_number, t.chain.latest().seq);
    assert_eq!(snap.network_id, hex::encode(t.chain.network_id()));
    assert!(
        snap.ledger_entries.len() >= 4,
        "instance, code, balance, SAC instance"
    );

    let mut env = soroban_sdk::Env::from_ledger_snapshot_file(&only);
    env.set_config(soroban_sdk::testutils::EnvTestConfig {
        capture_snapshot_at_drop: false,
    });
    let id = soroban_sdk::Address::from_str(&env, &localnet::api::contract_strkey(&escrow));
    let got: soroban_sdk::Val = env.invoke_contract(
        &id,
        &soroban_sdk::Symbol::new(&env, "get_escrow"),
        soroban_sdk::Vec::new(&env),
    );
    let got = soroban_sdk::xdr::ScVal::try_from_val(&env, &got).unwrap();
    use soroban_sdk::xdr::WriteXdr as _;
    use soroban_sdk::TryFromVal as _;
    assert_eq!(
        got.to_xdr(soroban_sdk::xdr::Limits::none()).unwrap(),
        on_localnet,
        "soroban-sdk reads the escrow localnet holds"
    );
    let token = soroban_sdk::token::TokenClient::new(
        &env,
        &soroban_sdk::Address::from_str(&env, &localnet::api::contract_strkey(&usdc_sac)),
    );
    assert_eq!(
        token.balance(&id),
        AMOUNT as i128,
        "the escrow's USDC came along"
    );

    // Everything, into a new chain: same state, same ledger, and it goes on.
    let all = dir.join("all.json");
    t.chain
        .snapshot(&SnapshotOptions::default())
        .write_file(&all)
        .unwrap();
    let new_dir = temp_dir("from-snapshot");
    let cfg = ChainConfig {
        passphrase: PASSPHRASE.into(),
        data_dir: new_dir.clone(),
        reset: true,
        from_snapshot: Some(all.clone()),
        ..Default::default()
    };
    let mut fresh = Chain::open(&cfg).unwrap();
    assert_eq!(fresh.latest().seq, t.chain.latest().seq);
    assert!(fresh.latest().close_time >= t.chain.latest().close_time);
    assert_eq!(
        read(&fresh, &funder, call(escrow, "get_escrow", vec![]))
            .to_xdr(Limits::none())
            .unwrap(),
        on_localnet
    );
    fresh.close_empty().unwrap();
    drop(fresh);
    // A data dir that holds a chain is not overwritten by a snapshot.
    let again = ChainConfig {
        reset: false,
        ..cfg
    };
    assert!(Chain::open(&again)
        .err()
        .unwrap()
        .to_string()
        .contains("--reset"));
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(&new_dir);
}

#[test]
fn the_snapshot_command_and_from_snapshot_start() {
    let dir = temp_dir("snapshot-cli");
    let chain = Chain::open(&ChainConfig {
        passphrase: PASSPHRASE.into(),
        data_dir: dir.clone(),
        reset: true,
        ..Default::default()
    })
    .unwrap();
    let root =
        localnet::api::account_strkey(&genesis::public_key_of(&genesis::root_secret(PASSPHRASE)));
    let usdc = localnet::api::contract_strkey(&chain.usdc_contract());
    drop(chain);
    let out = dir.join("root.json");
    let bin = env!("CARGO_BIN_EXE_localnet");
    let run = |args: &[&str]| std::process::Command::new(bin).args(args).output().unwrap();
    let r = run(&[
        "snapshot",
        "--data-dir",
        dir.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--account",
        &root,
        "--contract",
        &usdc,
    ]);
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(json["protocol_version"], 28);
    let entries = json["ledger_entries"].as_array().unwrap();
    assert!(
        entries
            .iter()
            .any(|e| e["entry"]["data"]["account"]["account_id"] == root.as_str()),
        "{json}"
    );
    assert!(entries
        .iter()
        .all(|e| e["entry"]["data"].get("account").is_some()
            || e["entry"]["data"].get("contract_data").is_some()));
    // Bad input is a clear error and writes nothing.
    let bad = run(&[
        "snapshot",
        "--data-dir",
        dir.to_str().unwrap(),
        "--out",
        "/nonexistent/x.json",
        "--contract",
        "CNOPE",
    ]);
    assert!(
        !bad.status.success() && String::from_utf8_lossy(&bad.stderr).contains("not a C… address")
    );
    let none = run(&[
        "snapshot",
        "--data-dir",
        dir.join("nothing").to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(String::from_utf8_lossy(&none.stderr).contains("holds no chain"));

    // A node started from it answers with the snapshot's ledger as its first.
    let node_dir = temp_dir("snapshot-node");
    let port = free_port();
    let child = std::process::Command::new(bin)
        .args([
            "--port",
            &port.to_string(),
            "--ledger-interval",
            "0",
            "--from-snapshot",
            out.to_str().unwrap(),
            "--data-dir",
            node_dir.to_str().unwrap(),
        ])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let node = Node(child);
    let started = std::time::Instant::now();
    while http(port, "GET", "/health", "").is_none() {
        assert!(
            started.elapsed() < std::time::Duration::from_secs(20),
            "localnet did not start"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let body = r#"{"jsonrpc":"2.0","id":1,"method":"getHealth"}"#;
    let health: serde_json::Value =
        serde_json::from_str(&http(port, "POST", "/rpc", body).unwrap().1).unwrap();
    assert_eq!(health["result"]["oldestLedger"], json["sequence_number"]);
    drop(node);
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(&node_dir);
}
