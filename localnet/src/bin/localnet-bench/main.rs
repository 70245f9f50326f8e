//! `localnet-bench`: times the start-up of the localnet binary next to it, then runs a
//! fresh node in-process (`node::spawn`, served over HTTP on 127.0.0.1) and measures
//! send→SUCCESS latency for a payment and for a Soroban call (a Stellar Asset Contract
//! transfer), and payments per second with two client workers, each on its own
//! kept-alive connection (as an SDK client's). Bounded in count and time.
//!
//! Then the in-process ceiling (the same transactions through `Chain::submit`, see
//! `ceiling.rs`) and the ratio of the RPC figures to it.
//!
//! `cargo run --release -p localnet --bin localnet-bench [-- --payments 300 --seconds 5]`

mod ceiling;
mod escrow;

use localnet::backend::dev::signed_transaction;
use localnet::backend::genesis;
use localnet::client::Client;
use localnet::node::{self, NodeConfig};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use soroban_env_host::xdr::*;
use std::cell::RefCell;
use std::collections::HashMap;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const PASSPHRASE: &str = "Standalone Network ; February 2017";

// One kept-alive connection per client thread and port, as an SDK client keeps one:
// each worker measures the node, not TCP set-up.
thread_local! {
    static CLIENTS: RefCell<HashMap<u16, Client>> = RefCell::new(HashMap::new());
}

fn http(port: u16, method: &str, path: &str, body: &str) -> Option<(u16, String)> {
    CLIENTS.with(|clients| {
        let mut clients = clients.borrow_mut();
        let client = clients.entry(port).or_insert_with(|| Client::local(port));
        let answer = client.request(method, path, body.as_bytes()).ok()?;
        Some((answer.status, answer.text()))
    })
}

fn rpc(port: u16, method: &str, params: Value) -> Value {
    let body = json!({ "jsonrpc": "2.0", "id": 1, "method": method, "params": params }).to_string();
    let (_, text) = http(port, "POST", "/rpc", &body).expect("rpc call");
    let v: Value = serde_json::from_str(&text).expect("json");
    v.get("result")
        .cloned()
        .unwrap_or_else(|| panic!("{method} failed: {v}"))
}

fn key(name: &str) -> [u8; 32] {
    Sha256::digest(format!("localnet bench {name}").as_bytes()).into()
}

fn public(secret: &[u8; 32]) -> [u8; 32] {
    genesis::public_key_of(secret)
}

fn strkey(secret: &[u8; 32]) -> String {
    stellar_strkey::ed25519::PublicKey(public(secret)).to_string()
}

fn next_seq(port: u16, secret: &[u8; 32]) -> i64 {
    let k = LedgerKey::Account(LedgerKeyAccount {
        account_id: genesis::account_id(public(secret)),
    });
    let r = rpc(
        port,
        "getLedgerEntries",
        json!({ "keys": [k.to_xdr_base64(Limits::none()).unwrap()] }),
    );
    let data =
        LedgerEntryData::from_xdr_base64(r["entries"][0]["xdr"].as_str().unwrap(), Limits::none())
            .unwrap();
    let LedgerEntryData::Account(a) = data else {
        panic!("not an account")
    };
    a.seq_num.0 + 1
}

/// Sends and polls until final; returns the elapsed time.
fn send_and_wait(port: u16, env: &TransactionEnvelope) -> Duration {
    let t0 = Instant::now();
    let r = rpc(
        port,
        "sendTransaction",
        json!({ "transaction": env.to_xdr_base64(Limits::none()).unwrap() }),
    );
    assert_eq!(r["status"], "PENDING", "{r}");
    let hash = r["hash"].as_str().unwrap().to_string();
    loop {
        let t = rpc(port, "getTransaction", json!({ "hash": hash }));
        match t["status"].as_str() {
            Some("SUCCESS") => return t0.elapsed(),
            Some("NOT_FOUND") => std::thread::sleep(Duration::from_millis(1)),
            _ => panic!("transaction failed: {t}"),
        }
    }
}

fn payment(from: &[u8; 32], to: &[u8; 32], seq: i64) -> TransactionEnvelope {
    let op = OperationBody::Payment(PaymentOp {
        destination: MuxedAccount::Ed25519(Uint256(public(to))),
        asset: Asset::Native,
        amount: 1,
    });
    signed_transaction(from, seq, vec![op], genesis::network_id(PASSPHRASE))
}

fn account_val(s: &[u8; 32]) -> ScVal {
    ScVal::Address(ScAddress::Account(genesis::account_id(public(s))))
}

fn call_contract(contract: [u8; 32], function: &str, args: Vec<ScVal>) -> HostFunction {
    HostFunction::InvokeContract(InvokeContractArgs {
        contract_address: ScAddress::Contract(ContractId(Hash(contract))),
        function_name: ScSymbol(function.try_into().unwrap()),
        args: args.try_into().unwrap(),
    })
}

/// A Soroban transaction prepared through simulateTransaction, as a client would:
/// recorded auth (source-account credentials), footprint, resources and fee.
fn prepared(
    port: u16,
    from: &[u8; 32],
    host_function: HostFunction,
    seq: i64,
    auth_mode: &str,
) -> Result<TransactionEnvelope, String> {
    let network_id = genesis::network_id(PASSPHRASE);
    let op = |auth: Vec<SorobanAuthorizationEntry>| {
        OperationBody::InvokeHostFunction(InvokeHostFunctionOp {
            host_function: host_function.clone(),
            auth: auth.try_into().unwrap(),
        })
    };
    let draft = signed_transaction(from, seq, vec![op(vec![])], network_id);
    let sim = rpc(
        port,
        "simulateTransaction",
        json!({ "transaction": draft.to_xdr_base64(Limits::none()).unwrap(), "authMode": auth_mode }),
    );
    let Some(data) = sim["transactionData"].as_str() else {
        return Err(format!("simulation failed: {}", sim["error"]));
    };
    let data = SorobanTransactionData::from_xdr_base64(data, Limits::none()).unwrap();
    let auth: Vec<SorobanAuthorizationEntry> = sim["results"][0]["auth"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            SorobanAuthorizationEntry::from_xdr_base64(a.as_str().unwrap(), Limits::none()).unwrap()
        })
        .collect();
    let TransactionEnvelope::Tx(mut env) =
        signed_transaction(from, seq, vec![op(auth)], network_id)
    else {
        unreachable!()
    };
    env.tx.fee = 100 + data.resource_fee as u32;
    env.tx.ext = TransactionExt::V1(data);
    let unsigned = TransactionEnvelope::Tx(TransactionV1Envelope {
        tx: env.tx.clone(),
        signatures: VecM::default(),
    });
    let hash = unsigned.hash(network_id).unwrap();
    use ed25519_dalek::Signer;
    let sig = ed25519_dalek::SigningKey::from_bytes(from)
        .sign(&hash)
        .to_bytes();
    env.signatures = vec![DecoratedSignature {
        hint: SignatureHint(public(from)[28..32].try_into().unwrap()),
        signature: Signature(sig.to_vec().try_into().unwrap()),
    }]
    .try_into()
    .unwrap();
    Ok(TransactionEnvelope::Tx(env))
}

fn sac_transfer(
    port: u16,
    contract: [u8; 32],
    from: &[u8; 32],
    to: &[u8; 32],
    seq: i64,
) -> TransactionEnvelope {
    let f = call_contract(
        contract,
        "transfer",
        vec![
            account_val(from),
            account_val(to),
            ScVal::I128(Int128Parts { hi: 0, lo: 1 }),
        ],
    );
    prepared(port, from, f, seq, "").expect("SAC transfer simulates")
}

/// Sends and waits, returning the result's return value.
fn run(port: u16, env: &TransactionEnvelope) -> Result<ScVal, String> {
    let r = rpc(
        port,
        "sendTransaction",
        json!({ "transaction": env.to_xdr_base64(Limits::none()).unwrap() }),
    );
    if r["status"] != "PENDING" {
        return Err(format!("sendTransaction: {r}"));
    }
    let t = rpc(port, "getTransaction", json!({ "hash": r["hash"] }));
    if t["status"] != "SUCCESS" {
        return Err(format!("transaction {}: {}", t["status"], t["resultXdr"]));
    }
    let meta =
        TransactionMeta::from_xdr_base64(t["resultMetaXdr"].as_str().unwrap(), Limits::none())
            .unwrap();
    let TransactionMeta::V4(m) = meta else {
        return Ok(ScVal::Void);
    };
    Ok(m.soroban_meta
        .and_then(|s| s.return_value)
        .unwrap_or(ScVal::Void))
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i].as_secs_f64() * 1000.0
}

fn rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

#[derive(clap::Parser)]
#[command(
    name = "localnet-bench",
    about = "Measures a fresh localnet over HTTP and its in-process ceiling"
)]
struct BenchArgs {
    /// Payments (and, up to 100, Soroban calls) timed one by one.
    #[arg(long, default_value_t = 300)]
    payments: usize,
    /// Seconds of each throughput run.
    #[arg(long, default_value_t = 5)]
    seconds: u64,
}

/// Starts the binary on a fresh chain and times it to its first /health answer; its
/// idle memory too. The rest of the bench runs an in-process node (`node::spawn`).
fn binary_startup(exe: &std::path::Path, dir: &std::path::Path) -> (Duration, u64) {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let t0 = Instant::now();
    let mut child = Command::new(exe)
        .args([
            "--reset",
            "--ledger-interval",
            "0",
            "--port",
            &port.to_string(),
            "--data-dir",
        ])
        .arg(dir)
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap_or_else(|e| panic!("starting {}: {e}", exe.display()));
    let up = |port| {
        Client::local(port)
            .request("GET", "/health", b"")
            .is_ok_and(|a| a.status == 200)
    };
    while !up(port) {
        assert!(
            t0.elapsed() < Duration::from_secs(30),
            "localnet did not start"
        );
        std::thread::sleep(Duration::from_millis(2));
    }
    let startup = t0.elapsed();
    let rss = rss_kib(child.id());
    let _ = child.kill();
    let _ = child.wait();
    (startup, rss)
}

fn main() {
    let args = <BenchArgs as clap::Parser>::parse();
    let (samples, seconds) = (args.payments, args.seconds);
    let exe = std::env::current_exe().unwrap().with_file_name("localnet");
    let dir = std::env::temp_dir().join(format!("localnet-bench-{}", std::process::id()));
    let (startup, rss_idle) = binary_startup(&exe, &dir);

    let t0 = Instant::now();
    let node = node::spawn(NodeConfig::ephemeral(&dir)).expect("an in-process node");
    let spawn_time = t0.elapsed();
    let port = node.port();

    let accounts: Vec<[u8; 32]> = ["a", "b", "w1", "w2", "sink", "owner", "buyer"]
        .iter()
        .map(|n| key(n))
        .collect();
    for k in &accounts {
        let (status, body) =
            http(port, "POST", &format!("/friendbot?addr={}", strkey(k)), "").unwrap();
        assert_eq!(status, 200, "{body}");
    }
    let (a, b) = (accounts[0], accounts[1]);
    let info: Value = serde_json::from_str(&http(port, "GET", "/localnet", "").unwrap().1).unwrap();
    let xlm_sac =
        stellar_strkey::Contract::from_string(info["assets"][0]["contractId"].as_str().unwrap())
            .unwrap()
            .0;
    let usdc_sac =
        stellar_strkey::Contract::from_string(info["assets"][1]["contractId"].as_str().unwrap())
            .unwrap()
            .0;

    let mut seq = next_seq(port, &a);
    let mut pay: Vec<Duration> = (0..samples)
        .map(|_| {
            let d = send_and_wait(port, &payment(&a, &b, seq));
            seq += 1;
            d
        })
        .collect();
    pay.sort();
    let soroban_samples = samples.min(100);
    let mut call: Vec<Duration> = (0..soroban_samples)
        .map(|_| {
            let env = sac_transfer(port, xlm_sac, &a, &b, seq);
            seq += 1;
            send_and_wait(port, &env)
        })
        .collect();
    call.sort();
    let wasm_path =
        std::env::var("ESCROW_WASM").unwrap_or_else(|_| "contracts/escrow/dist/escrow.wasm".into());
    let fund = escrow::fund_latency(
        port,
        &wasm_path,
        &accounts[5],
        &accounts[6],
        usdc_sac,
        samples.min(100),
    );

    // Throughput: two workers, each paying from its own account, for a fixed time.
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let started = Instant::now();
    let workers: Vec<_> = [accounts[2], accounts[3]]
        .into_iter()
        .map(|from| {
            let sink = accounts[4];
            std::thread::spawn(move || {
                let mut seq = next_seq(port, &from);
                let mut n = 0u64;
                while Instant::now() < deadline && n < 20_000 {
                    send_and_wait(port, &payment(&from, &sink, seq));
                    seq += 1;
                    n += 1;
                }
                n
            })
        })
        .collect();
    let total: u64 = workers.into_iter().map(|w| w.join().unwrap()).sum();
    let tps = total as f64 / started.elapsed().as_secs_f64();
    let rss_loaded = rss_kib(std::process::id());
    node.shutdown();
    let _ = std::fs::remove_dir_all(&dir);

    println!("localnet benchmark (127.0.0.1, fresh chain)");
    println!(
        "  start-up to first /health answer   {:>8.1} ms  (the binary; in-process spawn {:.1} ms)",
        startup.as_secs_f64() * 1000.0,
        spawn_time.as_secs_f64() * 1000.0
    );
    println!(
        "  resident memory idle / after load  {:>8.1} / {:.1} MiB  (the binary / this process: node and clients)",
        rss_idle as f64 / 1024.0,
        rss_loaded as f64 / 1024.0
    );
    println!(
        "  payment send→SUCCESS ({} samples)  p50 {:.2} ms  p99 {:.2} ms",
        pay.len(),
        percentile(&pay, 0.5),
        percentile(&pay, 0.99)
    );
    println!(
        "  SAC transfer send→SUCCESS ({})     p50 {:.2} ms  p99 {:.2} ms  (simulation not included)",
        call.len(),
        percentile(&call, 0.5),
        percentile(&call, 0.99)
    );
    match &fund {
        Ok(f) => println!(
            "  escrow fund send→SUCCESS ({})      p50 {:.2} ms  p99 {:.2} ms  (simulation not included)",
            f.len(),
            percentile(f, 0.5),
            percentile(f, 0.99)
        ),
        Err(e) => println!("  escrow fund: skipped ({e})"),
    }
    println!("  payments/s with 2 workers ({seconds} s)   {tps:>8.0} ({total} payments)");

    // After the node has stopped, so that the two do not share the cores.
    let ceiling = ceiling::measure(PASSPHRASE, seconds);
    let api_rate = ceiling::api_payments_per_s(PASSPHRASE, seconds);
    let sac_rpc = call.len() as f64 / call.iter().map(|d| d.as_secs_f64()).sum::<f64>();
    println!("in-process ceiling (Chain::submit, one thread, {seconds} s each)");
    println!(
        "  payments/s                          {:>8.0}   RPC / ceiling {:.2}",
        ceiling.payments_per_s,
        tps / ceiling.payments_per_s
    );
    println!(
        "  SAC transfers/s                     {:>8.0}   RPC (one client, send→SUCCESS) / ceiling {:.2}",
        ceiling.sac_transfers_per_s,
        sac_rpc / ceiling.sac_transfers_per_s
    );
    // Where one payment's time goes, one client: the apply, the RPC layer around it
    // (Api::call, no HTTP), and HTTP (the p50 over HTTP minus the other two).
    let (apply_us, api_us) = (1e6 / ceiling.payments_per_s, 1e6 / api_rate);
    println!(
        "  payments/s through Api::call (no HTTP) {:>5.0}   per payment: apply {:.0} µs, RPC layer {:.0} µs, HTTP {:.0} µs",
        api_rate,
        apply_us,
        api_us - apply_us,
        percentile(&pay, 0.5) * 1000.0 - api_us
    );
}
