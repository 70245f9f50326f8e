//! The in-process ceiling: the same payments and Stellar Asset Contract transfers
//! applied straight through the backend (`Chain::submit`: no HTTP, no JSON, no
//! polling), one after another, on a fresh chain of its own.

use localnet::api::Api;
use localnet::backend::dev::{sign, signed_transaction};
use localnet::backend::simulate::{simulate, SimulationRequest};
use localnet::backend::{genesis, Chain, ChainConfig, Submission};
use serde_json::json;
use soroban_env_host::xdr::*;
use std::time::{Duration, Instant};

/// Most transactions of each kind applied, whatever the time allows.
const MAX_TXS: u64 = 20_000;

pub struct Ceiling {
    pub payments_per_s: f64,
    pub sac_transfers_per_s: f64,
}

/// Applies payments for `seconds`, then SAC transfers for `seconds`.
pub fn measure(passphrase: &str, seconds: u64) -> Ceiling {
    let dir = std::env::temp_dir().join(format!("localnet-bench-ceiling-{}", std::process::id()));
    let cfg = ChainConfig {
        passphrase: passphrase.into(),
        data_dir: dir.clone(),
        reset: true,
        ..Default::default()
    };
    let mut chain = Chain::open(&cfg).expect("a fresh chain");
    let network_id = chain.network_id();
    let root = genesis::root_secret(passphrase);
    let (from, to) = (super::key("ceiling-from"), super::key("ceiling-to"));
    for k in [from, to] {
        let op = OperationBody::CreateAccount(CreateAccountOp {
            destination: genesis::account_id(genesis::public_key_of(&k)),
            starting_balance: 1_000_000 * genesis::STROOPS,
        });
        let seq = next_seq(&chain, &root);
        apply(
            &mut chain,
            signed_transaction(&root, seq, vec![op], network_id),
        );
    }

    let mut seq = next_seq(&chain, &from);
    let payments = rate(seconds, || {
        apply(&mut chain, super::payment(&from, &to, seq));
        seq += 1;
    });

    // Prepared once by simulation, as a client would; each copy gets its own sequence.
    let f = super::call_contract(
        chain.native_contract(),
        "transfer",
        vec![
            super::account_val(&from),
            super::account_val(&to),
            ScVal::I128(Int128Parts { hi: 0, lo: 1 }),
        ],
    );
    let op = |auth: Vec<SorobanAuthorizationEntry>| {
        OperationBody::InvokeHostFunction(InvokeHostFunctionOp {
            host_function: f.clone(),
            auth: auth.try_into().unwrap(),
        })
    };
    let draft = signed_transaction(&from, seq, vec![op(vec![])], network_id);
    let sim = simulate(
        &chain,
        SimulationRequest {
            envelope: draft,
            auth_mode: None,
            use_upgraded_auth: true,
            instruction_leeway: None,
        },
    );
    let (data, (auth, _)) = (
        sim.transaction_data.expect("simulates"),
        sim.result.expect("simulates"),
    );
    let TransactionEnvelope::Tx(template) =
        signed_transaction(&from, seq, vec![op(auth)], network_id)
    else {
        unreachable!()
    };
    let mut tx = template.tx;
    tx.fee = 100 + data.resource_fee as u32;
    tx.ext = TransactionExt::V1(data);
    let sac = rate(seconds, || {
        tx.seq_num = SequenceNumber(seq);
        apply(&mut chain, sign(&from, tx.clone(), network_id));
        seq += 1;
    });
    drop(chain);
    let _ = std::fs::remove_dir_all(&dir);
    Ceiling {
        payments_per_s: payments,
        sac_transfers_per_s: sac,
    }
}

fn rate(seconds: u64, mut one: impl FnMut()) -> f64 {
    let started = Instant::now();
    let deadline = started + Duration::from_secs(seconds);
    let mut n = 0u64;
    while Instant::now() < deadline && n < MAX_TXS {
        one();
        n += 1;
    }
    n as f64 / started.elapsed().as_secs_f64()
}

fn apply(chain: &mut Chain, env: TransactionEnvelope) {
    match chain.submit(env).expect("submit") {
        Submission::Pending { hash } => {
            let row = chain.transaction(&hash).unwrap().unwrap();
            assert!(row.successful, "an in-process transaction failed");
        }
        _ => panic!("an in-process transaction was refused"),
    }
}

fn next_seq(chain: &Chain, secret: &[u8; 32]) -> i64 {
    let key = LedgerKey::Account(LedgerKeyAccount {
        account_id: genesis::account_id(genesis::public_key_of(secret)),
    });
    match chain.entry(&key).map(|s| s.entry.data) {
        Some(LedgerEntryData::Account(a)) => a.seq_num.0 + 1,
        _ => panic!("the bench's account is missing"),
    }
}

/// The same payments through the RPC layer without HTTP: `Api::call` for
/// sendTransaction (JSON params, base64 XDR, the chain's lock) and for getTransaction
/// (the stored row decoded and encoded again), one after another on a fresh chain.
pub fn api_payments_per_s(passphrase: &str, seconds: u64) -> f64 {
    let dir = std::env::temp_dir().join(format!("localnet-bench-api-{}", std::process::id()));
    let cfg = ChainConfig {
        passphrase: passphrase.into(),
        data_dir: dir.clone(),
        reset: true,
        ..Default::default()
    };
    let api = Api::new(
        Chain::open(&cfg).expect("a fresh chain"),
        "http://127.0.0.1:0",
    );
    let (from, to) = (super::key("api-from"), super::key("api-to"));
    for k in [from, to] {
        let (status, body) = api.friendbot(Some(&super::strkey(&k)));
        assert_eq!(status, 200, "{body}");
    }
    let mut seq = next_seq(&api.chain(), &from);
    let rate = rate(seconds, || {
        let env = super::payment(&from, &to, seq);
        let params = json!({ "transaction": env.to_xdr_base64(Limits::none()).unwrap() });
        let sent = api
            .call("sendTransaction", &params)
            .expect("sendTransaction");
        assert_eq!(sent["status"], "PENDING", "{sent}");
        let got = api
            .call("getTransaction", &json!({ "hash": sent["hash"] }))
            .expect("getTransaction");
        assert_eq!(got["status"], "SUCCESS", "{got}");
        seq += 1;
    });
    drop(api);
    let _ = std::fs::remove_dir_all(&dir);
    rate
}
