//! `localnet-bench`: starts a fresh localnet (release build next to this binary) on
//! 127.0.0.1, then measures start-up time, resident memory, send→SUCCESS latency for
//! a payment and for a Soroban call (a Stellar Asset Contract transfer), and payments
//! per second with two client workers. Bounded in count and time.
//!
//! `cargo run --release -p localnet --bin localnet-bench [-- --payments 300 --seconds 5]`

use base64::{engine::general_purpose::STANDARD, Engine};
use localnet::backend::dev::signed_transaction;
use localnet::backend::genesis;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use soroban_env_host::xdr::*;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const PASSPHRASE: &str = "Standalone Network ; February 2017";

struct Node(Child);
impl Drop for Node {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn http(port: u16, method: &str, path: &str, body: &str) -> Option<(u16, String)> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).ok()?;
    s.set_nodelay(true).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(30))).ok()?;
    let req = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    s.write_all(req.as_bytes()).ok()?;
    let mut out = String::new();
    s.read_to_string(&mut out).ok()?;
    let status = out.split(' ').nth(1)?.parse().ok()?;
    Some((status, out.split("\r\n\r\n").nth(1).unwrap_or_default().to_string()))
}

fn rpc(port: u16, method: &str, params: Value) -> Value {
    let body = json!({ "jsonrpc": "2.0", "id": 1, "method": method, "params": params }).to_string();
    let (_, text) = http(port, "POST", "/rpc", &body).expect("rpc call");
    let v: Value = serde_json::from_str(&text).expect("json");
    v.get("result").cloned().unwrap_or_else(|| panic!("{method} failed: {v}"))
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
    let k = LedgerKey::Account(LedgerKeyAccount { account_id: genesis::account_id(public(secret)) });
    let r = rpc(port, "getLedgerEntries", json!({ "keys": [k.to_xdr_base64(Limits::none()).unwrap()] }));
    let data = LedgerEntryData::from_xdr_base64(r["entries"][0]["xdr"].as_str().unwrap(), Limits::none()).unwrap();
    let LedgerEntryData::Account(a) = data else { panic!("not an account") };
    a.seq_num.0 + 1
}

/// Sends and polls until final; returns the elapsed time.
fn send_and_wait(port: u16, env: &TransactionEnvelope) -> Duration {
    let t0 = Instant::now();
    let r = rpc(port, "sendTransaction", json!({ "transaction": env.to_xdr_base64(Limits::none()).unwrap() }));
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

/// A SAC transfer prepared through simulateTransaction, as a client would.
fn sac_transfer(port: u16, contract: [u8; 32], from: &[u8; 32], to: &[u8; 32], seq: i64) -> TransactionEnvelope {
    let addr = |s: &[u8; 32]| ScVal::Address(ScAddress::Account(genesis::account_id(public(s))));
    let host_function = HostFunction::InvokeContract(InvokeContractArgs {
        contract_address: ScAddress::Contract(ContractId(Hash(contract))),
        function_name: ScSymbol("transfer".try_into().unwrap()),
        args: vec![addr(from), addr(to), ScVal::I128(Int128Parts { hi: 0, lo: 1 })].try_into().unwrap(),
    });
    let network_id = genesis::network_id(PASSPHRASE);
    let op = |auth: Vec<SorobanAuthorizationEntry>| {
        OperationBody::InvokeHostFunction(InvokeHostFunctionOp { host_function: host_function.clone(), auth: auth.try_into().unwrap() })
    };
    let draft = signed_transaction(from, seq, vec![op(vec![])], network_id);
    let sim = rpc(port, "simulateTransaction", json!({ "transaction": draft.to_xdr_base64(Limits::none()).unwrap() }));
    let data = SorobanTransactionData::from_xdr_base64(sim["transactionData"].as_str().expect("simulated"), Limits::none()).unwrap();
    let auth: Vec<SorobanAuthorizationEntry> = sim["results"][0]["auth"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| SorobanAuthorizationEntry::from_xdr_base64(a.as_str().unwrap(), Limits::none()).unwrap())
        .collect();
    let TransactionEnvelope::Tx(mut env) = signed_transaction(from, seq, vec![op(auth)], network_id) else { unreachable!() };
    env.tx.fee = 100 + data.resource_fee as u32;
    env.tx.ext = TransactionExt::V1(data);
    let unsigned = TransactionEnvelope::Tx(TransactionV1Envelope { tx: env.tx.clone(), signatures: VecM::default() });
    let hash = unsigned.hash(network_id).unwrap();
    use ed25519_dalek::Signer;
    let sig = ed25519_dalek::SigningKey::from_bytes(from).sign(&hash).to_bytes();
    env.signatures = vec![DecoratedSignature {
        hint: SignatureHint(public(from)[28..32].try_into().unwrap()),
        signature: Signature(sig.to_vec().try_into().unwrap()),
    }]
    .try_into()
    .unwrap();
    TransactionEnvelope::Tx(env)
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i].as_secs_f64() * 1000.0
}

fn rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmRSS:")).and_then(|l| l.split_whitespace().nth(1)?.parse().ok()))
        .unwrap_or(0)
}

fn arg(name: &str, default: u64) -> u64 {
    let args: Vec<String> = std::env::args().collect();
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)?.parse().ok()).unwrap_or(default)
}

fn main() {
    let samples = arg("--payments", 300) as usize;
    let seconds = arg("--seconds", 5);
    let exe = std::env::current_exe().unwrap().with_file_name("localnet");
    let dir = std::env::temp_dir().join(format!("localnet-bench-{}", std::process::id()));
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();

    let t0 = Instant::now();
    let child = Command::new(&exe)
        .args(["--reset", "--ledger-interval", "0", "--port", &port.to_string(), "--data-dir"])
        .arg(&dir)
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap_or_else(|e| panic!("starting {}: {e}", exe.display()));
    let node = Node(child);
    while http(port, "GET", "/health", "").is_none() {
        assert!(t0.elapsed() < Duration::from_secs(30), "localnet did not start");
        std::thread::sleep(Duration::from_millis(2));
    }
    let startup = t0.elapsed();
    let rss_idle = rss_kib(node.0.id());

    let accounts: Vec<[u8; 32]> = ["a", "b", "w1", "w2", "sink"].iter().map(|n| key(n)).collect();
    for k in &accounts {
        let (status, body) = http(port, "POST", &format!("/friendbot?addr={}", strkey(k)), "").unwrap();
        assert_eq!(status, 200, "{body}");
    }
    let (a, b) = (accounts[0], accounts[1]);
    let info: Value = serde_json::from_str(&http(port, "GET", "/localnet", "").unwrap().1).unwrap();
    let xlm_sac = stellar_strkey::Contract::from_string(info["assets"][0]["contractId"].as_str().unwrap()).unwrap().0;

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
    let rss_loaded = rss_kib(node.0.id());
    drop(node);
    let _ = std::fs::remove_dir_all(&dir);

    let _ = STANDARD.encode([]);
    println!("localnet benchmark (127.0.0.1, fresh chain)");
    println!("  start-up to first /health answer   {:>8.1} ms", startup.as_secs_f64() * 1000.0);
    println!("  resident memory idle / after load  {:>8.1} / {:.1} MiB", rss_idle as f64 / 1024.0, rss_loaded as f64 / 1024.0);
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
    println!("  payments/s with 2 workers ({seconds} s)   {tps:>8.0} ({total} payments)");
}
