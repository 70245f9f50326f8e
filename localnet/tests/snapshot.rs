//! Ledger snapshots: after an escrow is deployed and funded on localnet, `snapshot`
//! writes soroban-sdk's JSON; soroban-sdk's testutils load it and read the escrow back
//! exactly as localnet does; `--from-snapshot` starts a new chain with the same state.
//! The escrow's interface is changing, so calls are built from the Wasm's own spec
//! where they might differ, and `get_escrow` is compared as raw XDR.

mod common;
use common::*;
use localnet::backend::ledger_snapshot::{LedgerSnapshot, SnapshotOptions};
use localnet::backend::simulate::{simulate, SimulationRequest};
use localnet::backend::{genesis, Chain, ChainConfig};
use soroban_env_host::xdr::*;

const WASM: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../contracts/escrow/dist/escrow.wasm");
const AMOUNT: i64 = 100 * XLM;

fn sym(s: &str) -> ScVal {
    ScVal::Symbol(ScSymbol(s.try_into().unwrap()))
}
fn text(s: &str) -> ScVal {
    ScVal::String(ScString(s.try_into().unwrap()))
}
fn addr(k: &Key) -> ScVal {
    ScVal::Address(ScAddress::Account(k.id()))
}
fn i128v(n: i64) -> ScVal {
    ScVal::I128(Int128Parts { hi: if n < 0 { -1 } else { 0 }, lo: n as u64 })
}
fn vec(items: Vec<ScVal>) -> ScVal {
    ScVal::Vec(Some(ScVec(items.try_into().unwrap())))
}
/// A `#[contracttype]` struct: a map with its fields sorted by name.
fn record(mut fields: Vec<(&str, ScVal)>) -> ScVal {
    fields.sort_by(|a, b| a.0.cmp(b.0));
    let entries: Vec<ScMapEntry> = fields.into_iter().map(|(k, v)| ScMapEntry { key: sym(k), val: v }).collect();
    ScVal::Map(Some(ScMap(entries.try_into().unwrap())))
}

fn call(contract: [u8; 32], function: &str, args: Vec<ScVal>) -> HostFunction {
    HostFunction::InvokeContract(InvokeContractArgs {
        contract_address: ScAddress::Contract(ContractId(Hash(contract))),
        function_name: ScSymbol(function.try_into().unwrap()),
        args: args.try_into().unwrap(),
    })
}

/// A read-only call's return value, by simulation.
fn read(chain: &Chain, source: &Key, host_fn: HostFunction) -> ScVal {
    let tx = TransactionEnvelope::Tx(TransactionV1Envelope {
        tx: Transaction {
            source_account: source.muxed(),
            fee: 100,
            seq_num: SequenceNumber(1),
            cond: Preconditions::None,
            memo: Memo::None,
            operations: vec![Operation { source_account: None, body: invoke(host_fn, vec![]) }].try_into().unwrap(),
            ext: TransactionExt::V0,
        },
        signatures: VecM::default(),
    });
    let sim = simulate(chain, SimulationRequest { envelope: tx, auth_mode: None, use_upgraded_auth: true, instruction_leeway: None });
    sim.result.unwrap_or_else(|| panic!("read failed: {:?}", sim.error)).1
}

/// Arguments for `fund` from its spec: the funder, the amount, and the terms version
/// of a fresh escrow (1) if this version of the contract asks for one.
fn fund_args(wasm: &[u8], funder: &Key) -> Vec<ScVal> {
    let spec = localnet::explorer::wasm_spec(wasm);
    let fund = spec
        .iter()
        .find_map(|e| match e {
            ScSpecEntry::FunctionV0(f) if f.name.to_utf8_string_lossy() == "fund" => Some(f),
            _ => None,
        })
        .expect("the escrow has a fund function");
    fund.inputs
        .iter()
        .map(|i| match i.name.to_utf8_string_lossy().as_str() {
            "from" => addr(funder),
            "amount" => i128v(AMOUNT),
            "terms_version" => ScVal::U32(1),
            other => panic!("fund's interface changed: unknown input {other:?}"),
        })
        .collect()
}

#[test]
fn a_snapshot_after_an_escrow_is_funded_loads_into_soroban_sdk_and_into_a_new_chain() {
    let mut t = TestChain::new();
    let (platform, funder) = (Key::named("snap-platform"), Key::named("snap-funder"));
    t.fund(&platform, 1000);
    t.fund(&funder, 1000);
    let issuer = t.usdc_issuer();
    let Asset::CreditAlphanum4(usdc) = genesis::usdc_asset() else { unreachable!() };
    let trust = ChangeTrustOp { line: ChangeTrustAsset::CreditAlphanum4(usdc), limit: i64::MAX };
    t.submit(t.tx(&funder).op(OperationBody::ChangeTrust(trust)).sign(&[&funder])).expect_success();
    t.submit(t.tx(&issuer).op(payment(&funder, genesis::usdc_asset(), 150 * XLM)).sign(&[&issuer])).expect_success();

    let wasm = std::fs::read(WASM).expect("contracts/escrow/dist/escrow.wasm (npm run build:contract)");
    let hash = upload_wasm(&mut t, &platform, &wasm);
    let role = |n: &str| addr(&Key::named(n));
    let roles = record(vec![
        ("approvers", vec(vec![role("snap-approver")])),
        ("approvals_required", ScVal::U32(1)),
        ("service_provider", role("snap-provider")),
        ("release_signers", vec(vec![role("snap-releaser")])),
        ("releases_required", ScVal::U32(1)),
        ("dispute_resolver", role("snap-resolver")),
        ("platform", addr(&platform)),
        ("receiver", role("snap-receiver")),
    ]);
    let usdc_sac = t.chain.usdc_contract;
    let config = record(vec![
        ("kind", vec(vec![sym("Single")])),
        ("engagement_id", text("snapshot-1")),
        ("title", text("Logo design")),
        ("description", text("A logo in three colours")),
        ("token", ScVal::Address(ScAddress::Contract(ContractId(Hash(usdc_sac))))),
        ("roles", roles),
        ("platform_fee_bps", ScVal::U32(200)),
        ("protocol_fee", record(vec![("recipient", role("snap-fees")), ("bps", ScVal::U32(100))])),
        ("amount", i128v(AMOUNT)),
        ("milestones", vec(vec![record(vec![("description", text("Deliver the logo")), ("amount", i128v(0)), ("receiver", ScVal::Void)])])),
        ("deadline", ScVal::Void),
    ]);
    let escrow = deploy(&mut t, &platform, hash, vec![config]);
    run_host_function(&mut t, &funder, call(escrow, "fund", fund_args(&wasm, &funder)));
    let on_localnet = read(&t.chain, &funder, call(escrow, "get_escrow", vec![])).to_xdr(Limits::none()).unwrap();

    // Only the escrow and the token: what a contract test needs.
    let dir = temp_dir("snapshot");
    std::fs::create_dir_all(&dir).unwrap();
    let only = dir.join("escrow.json");
    // The escrow's SDK (27) runs a protocol-27 host, which refuses a newer ledger.
    let filter = SnapshotOptions { contracts: vec![escrow, usdc_sac], accounts: vec![], protocol_version: Some(27) };
    t.chain.snapshot(&filter).write_file(&only).unwrap();
    let snap = LedgerSnapshot::read_file(&only).unwrap();
    assert_eq!(snap.sequence_number, t.chain.latest.seq);
    assert_eq!(snap.network_id, hex::encode(t.chain.network_id));
    assert!(snap.ledger_entries.len() >= 4, "instance, code, balance, SAC instance");

    let mut env = soroban_sdk::Env::from_ledger_snapshot_file(&only);
    env.set_config(soroban_sdk::testutils::EnvTestConfig { capture_snapshot_at_drop: false });
    let id = soroban_sdk::Address::from_str(&env, &localnet::api::contract_strkey(&escrow));
    let got: soroban_sdk::Val = env.invoke_contract(&id, &soroban_sdk::Symbol::new(&env, "get_escrow"), soroban_sdk::Vec::new(&env));
    let got = soroban_sdk::xdr::ScVal::try_from_val(&env, &got).unwrap();
    use soroban_sdk::xdr::WriteXdr as _;
    use soroban_sdk::TryFromVal as _;
    assert_eq!(got.to_xdr(soroban_sdk::xdr::Limits::none()).unwrap(), on_localnet, "soroban-sdk reads the escrow localnet holds");
    let token = soroban_sdk::token::TokenClient::new(&env, &soroban_sdk::Address::from_str(&env, &localnet::api::contract_strkey(&usdc_sac)));
    assert_eq!(token.balance(&id), AMOUNT as i128, "the escrow's USDC came along");

    // Everything, into a new chain: same state, same ledger, and it goes on.
    let all = dir.join("all.json");
    t.chain.snapshot(&SnapshotOptions::default()).write_file(&all).unwrap();
    let new_dir = temp_dir("from-snapshot");
    let cfg = ChainConfig { passphrase: PASSPHRASE.into(), data_dir: new_dir.clone(), reset: true, from_snapshot: Some(all.clone()), ..Default::default() };
    let mut fresh = Chain::open(&cfg).unwrap();
    assert_eq!(fresh.latest.seq, t.chain.latest.seq);
    assert!(fresh.latest.close_time >= t.chain.latest.close_time);
    assert_eq!(read(&fresh, &funder, call(escrow, "get_escrow", vec![])).to_xdr(Limits::none()).unwrap(), on_localnet);
    fresh.close_empty().unwrap();
    drop(fresh);
    // A data dir that holds a chain is not overwritten by a snapshot.
    let again = ChainConfig { reset: false, ..cfg };
    assert!(Chain::open(&again).err().unwrap().to_string().contains("--reset"));
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(&new_dir);
}

#[test]
fn the_snapshot_command_and_from_snapshot_start() {
    let dir = temp_dir("snapshot-cli");
    let chain = Chain::open(&ChainConfig { passphrase: PASSPHRASE.into(), data_dir: dir.clone(), reset: true, ..Default::default() }).unwrap();
    let root = localnet::api::account_strkey(&genesis::public_key_of(&genesis::root_secret(PASSPHRASE)));
    let usdc = localnet::api::contract_strkey(&chain.usdc_contract);
    drop(chain);
    let out = dir.join("root.json");
    let bin = env!("CARGO_BIN_EXE_localnet");
    let run = |args: &[&str]| std::process::Command::new(bin).args(args).output().unwrap();
    let r = run(&["snapshot", "--data-dir", dir.to_str().unwrap(), "--out", out.to_str().unwrap(), "--account", &root, "--contract", &usdc]);
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(json["protocol_version"], 28);
    let entries = json["ledger_entries"].as_array().unwrap();
    assert!(entries.iter().any(|e| e["entry"]["data"]["account"]["account_id"] == root.as_str()), "{json}");
    assert!(entries.iter().all(|e| e["entry"]["data"].get("account").is_some() || e["entry"]["data"].get("contract_data").is_some()));
    // Bad input is a clear error and writes nothing.
    let bad = run(&["snapshot", "--data-dir", dir.to_str().unwrap(), "--out", "/nonexistent/x.json", "--contract", "CNOPE"]);
    assert!(!bad.status.success() && String::from_utf8_lossy(&bad.stderr).contains("not a C… address"));
    let none = run(&["snapshot", "--data-dir", dir.join("nothing").to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&none.stderr).contains("holds no chain"));

    // A node started from it answers with the snapshot's ledger as its first.
    let node_dir = temp_dir("snapshot-node");
    let port = free_port();
    let child = std::process::Command::new(bin)
        .args(["--port", &port.to_string(), "--ledger-interval", "0", "--from-snapshot", out.to_str().unwrap(), "--data-dir", node_dir.to_str().unwrap()])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let node = Node(child);
    let started = std::time::Instant::now();
    while http(port, "GET", "/health", "").is_none() {
        assert!(started.elapsed() < std::time::Duration::from_secs(20), "localnet did not start");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let body = r#"{"jsonrpc":"2.0","id":1,"method":"getHealth"}"#;
    let health: serde_json::Value = serde_json::from_str(&http(port, "POST", "/rpc", body).unwrap().1).unwrap();
    assert_eq!(health["result"]["oldestLedger"], json["sequence_number"]);
    drop(node);
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(&node_dir);
}
