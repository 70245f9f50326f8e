//! The local explorer: each page shows its subject decoded (no base64), links the
//! addresses it names, escapes every piece of contract-chosen text, and answers bad or
//! unknown ids with a sentence and the right status.

mod common;
use common::*;
use localnet::backend::genesis;
use localnet::explorer::{account_page, contract_page, index_page, ledger_page, tx_page, Page};
use soroban_env_host::xdr::*;

fn ok(page: Page) -> String {
    assert_eq!(page.status, 200, "{}", page.body);
    page.html(1)
}

fn usdc_line() -> ChangeTrustAsset {
    let Asset::CreditAlphanum4(a) = genesis::usdc_asset() else {
        unreachable!()
    };
    ChangeTrustAsset::CreditAlphanum4(a)
}

fn strkey(k: &Key) -> String {
    localnet::api::account_strkey(&k.public())
}

fn contract_strkey(id: &[u8; 32]) -> String {
    localnet::api::contract_strkey(id)
}

const HOSTILE: &str = "<script>alert('x')</script>";

#[test]
fn pages_for_a_transaction_a_ledger_an_account_and_contracts() {
    let mut t = TestChain::new();
    let (a, b, cosigner) = (
        Key::named("ex-a"),
        Key::named("ex-b"),
        Key::named("ex-cosigner"),
    );
    t.fund(&a, 100);
    t.fund(&b, 100);
    let issuer = t.usdc_issuer();
    t.submit(
        t.tx(&a)
            .op(OperationBody::ChangeTrust(ChangeTrustOp {
                line: usdc_line(),
                limit: i64::MAX,
            }))
            .sign(&[&a]),
    )
    .expect_success();
    let mut pay = t
        .tx(&issuer)
        .op(payment(&a, genesis::usdc_asset(), 125_000_000));
    pay.tx.memo = Memo::Text(HOSTILE.try_into().unwrap());
    let pay_row = t.submit(pay.sign(&[&issuer])).expect_success().clone();
    let signer = Signer {
        key: SignerKey::Ed25519(Uint256(cosigner.public())),
        weight: 3,
    };
    let set = SetOptionsOp {
        inflation_dest: None,
        clear_flags: None,
        set_flags: None,
        master_weight: None,
        low_threshold: None,
        med_threshold: None,
        high_threshold: None,
        home_domain: None,
        signer: Some(signer),
    };
    t.submit(t.tx(&a).op(OperationBody::SetOptions(set)).sign(&[&a]))
        .expect_success();
    let xlm_sac = t.chain.native_contract();
    let sac_row = run_host_function(&mut t, &a, sac_transfer(xlm_sac, &a, &b, 3 * XLM));

    // A Soroban transaction: the call decoded, fees broken down, the transfer event.
    let html = ok(tx_page(&t.chain, &hex::encode(sac_row.hash)));
    assert!(
        html.contains("SUCCESS") && html.contains("txSuccess"),
        "{html}"
    );
    assert!(
        html.contains(&format!(
            "<a href=\"/explorer/contract/{0}\">{0}</a>.<b>transfer</b>",
            contract_strkey(&xlm_sac)
        )),
        "{html}"
    );
    assert!(
        html.contains(&format!("{}, {}, 30000000", strkey(&a), strkey(&b))),
        "the arguments, decoded: {html}"
    );
    for label in [
        "Fee charged",
        "Declared resource fee",
        "Non-refundable resource fee",
        "Refundable fee used",
        "Inclusion fee",
        "instructions",
    ] {
        assert!(html.contains(label), "{label}: {html}");
    }
    assert!(
        html.contains("<code>transfer, "),
        "the transfer event's topics: {html}"
    );
    assert!(html.contains(&format!(
        "<a href=\"/explorer/ledger/{0}\">{0}</a>",
        sac_row.ledger
    )));
    let envelope_b64 = base64_of(&sac_row.envelope);
    assert!(!html.contains(&envelope_b64[..40]), "no base64 envelope");

    // A classic payment with a memo chosen by its sender: escaped.
    let html = ok(tx_page(&t.chain, &hex::encode(pay_row.hash)));
    assert!(
        html.contains(&format!("pay 12.5 USDC:{}", strkey(&issuer))),
        "{html}"
    );
    assert!(
        !html.contains("<script>") && html.contains("&lt;script&gt;"),
        "{html}"
    );

    // The ledger lists its transaction; the index lists the newest.
    let html = ok(ledger_page(&t.chain, &sac_row.ledger.to_string()));
    assert!(
        html.contains(&format!(
            "<a href=\"/explorer/tx/{0}\">{0}</a>",
            hex::encode(sac_row.hash)
        )),
        "{html}"
    );
    assert!(
        html.contains("InvokeHostFunction") && html.contains("Protocol"),
        "{html}"
    );
    let html = ok(index_page(&t.chain));
    assert!(html.contains(&hex::encode(sac_row.hash)) && html.contains("Latest ledgers"));

    // The account: balance, signers with weights, the USDC trustline, its transactions.
    let html = ok(account_page(&t.chain, &strkey(&a)));
    assert!(
        html.contains(&format!(
            "<tr><td>{}</td><td>3</td></tr>",
            strkey(&cosigner)
        )),
        "{html}"
    );
    assert!(
        html.contains(&format!("<td>USDC:{}</td><td>12.5</td>", strkey(&issuer))),
        "{html}"
    );
    assert!(
        html.contains("master key weight 1") && html.contains(" XLM"),
        "{html}"
    );
    assert!(html.contains(&hex::encode(sac_row.hash)), "{html}");

    // The Stellar Asset Contract: what it is and its latest events.
    let html = ok(contract_page(&t.chain, &contract_strkey(&xlm_sac)));
    assert!(html.contains("Stellar Asset Contract"), "{html}");
    assert!(
        html.contains(&hex::encode(sac_row.hash)) && html.contains("<code>transfer, "),
        "{html}"
    );

    // A Wasm contract: hash, interface from its spec, the author's text escaped.
    let spec = vec![
        ScSpecEntry::FunctionV0(ScSpecFunctionV0 {
            doc: HOSTILE.try_into().unwrap(),
            name: ScSymbol("hello".try_into().unwrap()),
            inputs: vec![ScSpecFunctionInputV0 {
                doc: StringM::default(),
                name: "to".try_into().unwrap(),
                type_: ScSpecTypeDef::Address,
            }]
            .try_into()
            .unwrap(),
            outputs: vec![ScSpecTypeDef::Option(Box::new(ScSpecTypeOption {
                value_type: Box::new(ScSpecTypeDef::U32),
            }))]
            .try_into()
            .unwrap(),
        }),
        ScSpecEntry::UdtErrorEnumV0(ScSpecUdtErrorEnumV0 {
            doc: StringM::default(),
            lib: StringM::default(),
            name: "Error\"><img src=x>".try_into().unwrap(),
            cases: vec![ScSpecUdtErrorEnumCaseV0 {
                doc: StringM::default(),
                name: "NotFunded".try_into().unwrap(),
                value: 3,
            }]
            .try_into()
            .unwrap(),
        }),
    ];
    let wasm = spec_only_wasm(&spec);
    assert_eq!(localnet::explorer::wasm_spec(&wasm), spec);
    let hash = upload_wasm(&mut t, &a, &wasm);
    let id = deploy(&mut t, &a, hash, vec![]);
    let html = ok(contract_page(&t.chain, &contract_strkey(&id)));
    assert!(html.contains(&hex::encode(hash)), "{html}");
    assert!(
        html.contains("fn hello(to: Address) -&gt; Option&lt;u32&gt;"),
        "{html}"
    );
    assert!(
        html.contains("/// &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"),
        "{html}"
    );
    assert!(html.contains("NotFunded = 3"), "{html}");
    assert!(
        !html.contains("<script") && !html.contains("<img"),
        "{html}"
    );
}

#[test]
fn bad_and_unknown_ids_get_a_sentence() {
    let t = TestChain::new();
    let cases = [
        (tx_page(&t.chain, "zz"), 400, "64 hexadecimal"),
        (tx_page(&t.chain, &"ab".repeat(32)), 404, "No transaction"),
        (ledger_page(&t.chain, "first"), 400, "sequence number"),
        (ledger_page(&t.chain, "0"), 400, "sequence number"),
        (ledger_page(&t.chain, "999999"), 404, "has not closed yet"),
        (account_page(&t.chain, "GNOPE"), 400, "G… StrKey"),
        (
            account_page(&t.chain, &strkey(&Key::named("nobody"))),
            404,
            "No account",
        ),
        (contract_page(&t.chain, "C<b>"), 400, "C… StrKey"),
        (
            contract_page(&t.chain, &contract_strkey(&[9; 32])),
            404,
            "No contract",
        ),
    ];
    for (page, status, words) in cases {
        assert_eq!(page.status, status, "{}", page.body);
        assert!(page.body.contains(words), "{}", page.body);
    }
    assert!(ok(ledger_page(&t.chain, "1")).contains("none (genesis)"));
}

#[test]
fn the_node_serves_the_pages_as_html_without_scripts() {
    let dir = temp_dir("explorer-http");
    let node = spawn_node(&dir);
    let port = node.port();
    let addr = strkey(&Key::named("explorer-http"));
    let (status, body) = http(port, "POST", &format!("/friendbot?addr={addr}"), "").unwrap();
    assert_eq!(status, 200, "{body}");
    let hash = serde_json::from_str::<serde_json::Value>(&body).unwrap()["hash"]
        .as_str()
        .unwrap()
        .to_string();
    for path in [
        format!("/explorer/tx/{hash}"),
        format!("/explorer/account/{addr}"),
        "/explorer/ledger/2".into(),
        "/explorer".into(),
    ] {
        let raw = raw_get(port, &path);
        assert!(raw.starts_with("HTTP/1.1 200"), "{path}: {raw}");
        assert!(
            raw.to_lowercase()
                .contains("content-type: text/html; charset=utf-8"),
            "{raw}"
        );
        assert!(
            raw.to_lowercase()
                .contains("content-security-policy: default-src 'none'"),
            "{raw}"
        );
    }
    assert!(raw_get(port, &format!("/explorer/tx/{hash}")).contains("CreateAccount"));
    assert!(raw_get(port, "/explorer/tx/nothex").starts_with("HTTP/1.1 400"));
    drop(node);
    let _ = std::fs::remove_dir_all(&dir);
}

fn raw_get(port: u16, path: &str) -> String {
    use std::io::{Read, Write};
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    out
}

fn base64_of(b: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(b)
}
