//! The HTTP and JSON-RPC surface of a running node: shapes the SDK relies on, and
//! hostile input that must get an error, never a crash.

mod common;
use common::*;
use serde_json::{json, Value};

fn call(port: u16, method: &str, params: Value) -> Value {
    let body = json!({ "jsonrpc": "2.0", "id": 7, "method": method, "params": params }).to_string();
    let (status, text) = http(port, "POST", "/rpc", &body).expect("answer");
    assert_eq!(status, 200, "{text}");
    serde_json::from_str(&text).unwrap()
}

fn error_code(v: &Value) -> i64 {
    v["error"]["code"]
        .as_i64()
        .unwrap_or_else(|| panic!("expected an error: {v}"))
}

#[test]
fn rpc_surface_and_hostile_input() {
    let dir = temp_dir("rpc");
    let node = spawn_node(&dir);
    let port = node.port();

    // Shapes.
    let net = call(port, "getNetwork", Value::Null);
    assert_eq!(net["result"]["passphrase"], PASSPHRASE);
    assert!(net["result"]["friendbotUrl"]
        .as_str()
        .unwrap()
        .ends_with("/friendbot"));
    let latest = &call(port, "getLatestLedger", Value::Null)["result"];
    for field in [
        "id",
        "sequence",
        "protocolVersion",
        "closeTime",
        "headerXdr",
        "metadataXdr",
    ] {
        assert!(!latest[field].is_null(), "getLatestLedger lacks {field}");
    }
    assert_eq!(
        call(port, "getHealth", json!({}))["result"]["status"],
        "healthy"
    );
    let info: Value = serde_json::from_str(&http(port, "GET", "/localnet", "").unwrap().1).unwrap();
    assert_eq!(info["assets"][1]["code"], "USDC");
    assert_eq!(info["protocolVersion"], 28);

    // Friendbot, twice.
    let addr = localnet::api::account_strkey(&Key::named("rpc").public());
    assert_eq!(
        http(port, "POST", &format!("/friendbot?addr={addr}"), "")
            .unwrap()
            .0,
        200
    );
    let (status, body) = http(port, "POST", &format!("/friendbot?addr={addr}"), "").unwrap();
    assert_eq!(status, 400);
    assert!(body.contains("createAccountAlreadyExist"));
    // Faucet without a trustline is a clear 400.
    let (status, body) = http(
        port,
        "POST",
        &format!("/faucet?addr={addr}&asset=USDC&amount=10"),
        "",
    )
    .unwrap();
    assert_eq!(status, 400);
    assert!(body.contains("trustline"), "{body}");

    // Hostile input.
    let (status, body) = http(port, "POST", "/rpc", "{not json").unwrap();
    assert_eq!(status, 200);
    assert_eq!(error_code(&serde_json::from_str(&body).unwrap()), -32700);
    assert_eq!(error_code(&call(port, "noSuchMethod", Value::Null)), -32601);
    assert_eq!(
        error_code(&call(
            port,
            "sendTransaction",
            json!({ "transaction": "AAAA////garbage" })
        )),
        -32602
    );
    assert_eq!(
        error_code(&call(port, "sendTransaction", json!({}))),
        -32602
    );
    assert_eq!(
        error_code(&call(port, "getLedgerEntries", json!({ "keys": ["%%%"] }))),
        -32602
    );
    assert_eq!(
        error_code(&call(
            port,
            "simulateTransaction",
            json!({ "transaction": 5 })
        )),
        -32602
    );
    assert_eq!(
        error_code(&call(
            port,
            "getEvents",
            json!({ "startLedger": 1, "filters": [{ "type": "nope" }] })
        )),
        -32602
    );
    assert_eq!(
        error_code(&call(port, "getTransaction", json!({ "hash": "zz" }))),
        -32602
    );
    let big = format!(
        "{{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"getHealth\",\"params\":{{\"pad\":\"{}\"}}}}",
        "x".repeat(2 << 20)
    );
    let (status, body) = http(port, "POST", "/rpc", &big).unwrap_or((413, String::new()));
    assert_eq!(status, 413, "{body}");
    // Deeply nested XDR-ish and JSON input does not take the node down.
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let _ = http(port, "POST", "/rpc", &deep);
    let not_found = call(port, "getTransaction", json!({ "hash": "00".repeat(32) }));
    assert_eq!(not_found["result"]["status"], "NOT_FOUND");
    // Still alive and answering.
    assert_eq!(
        call(port, "getHealth", Value::Null)["result"]["status"],
        "healthy"
    );
    let batch = http(port, "POST", "/rpc", r#"[{"jsonrpc":"2.0","id":1,"method":"getHealth"},{"jsonrpc":"2.0","id":2,"method":"getNetwork"}]"#).unwrap();
    assert_eq!(
        serde_json::from_str::<Value>(&batch.1)
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        2
    );

    // advanceTime moves ledger time.
    let before: u64 = latest["closeTime"].as_str().unwrap().parse().unwrap();
    let adv = call(port, "localnet_advanceTime", json!({ "seconds": 86_400 }));
    let after: u64 = adv["result"]["closeTime"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(after >= before + 86_400);

    drop(node);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn friendbot_funds_contract_addresses() {
    let dir = temp_dir("friendbot-contract");
    let node = spawn_node(&dir);
    let port = node.port();
    let info: Value = serde_json::from_str(&http(port, "GET", "/localnet", "").unwrap().1).unwrap();
    let usdc = info["assets"][1]["contractId"]
        .as_str()
        .unwrap()
        .to_string();
    let (status, body) = http(port, "POST", &format!("/friendbot?addr={usdc}"), "").unwrap();
    assert_eq!(status, 200, "{body}");
    let hash = serde_json::from_str::<Value>(&body).unwrap()["hash"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(
        call(port, "getTransaction", json!({ "hash": hash }))["result"]["status"],
        "SUCCESS"
    );
    let (status, _) = http(port, "POST", "/friendbot?addr=CNOTANADDRESS", "").unwrap();
    assert_eq!(status, 400);
    drop(node);
    let _ = std::fs::remove_dir_all(&dir);
}
