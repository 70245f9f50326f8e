//! Classic operations: CreateAccount, Payment, ChangeTrust, SetOptions (multisig).

mod common;
use common::*;
use localnet::backend::genesis;
use soroban_env_host::xdr::*;

fn usdc() -> Asset {
    genesis::usdc_asset()
}

fn trust(asset: &Asset) -> OperationBody {
    let line = match asset {
        Asset::CreditAlphanum4(a) => ChangeTrustAsset::CreditAlphanum4(a.clone()),
        _ => unreachable!(),
    };
    OperationBody::ChangeTrust(ChangeTrustOp {
        line,
        limit: i64::MAX,
    })
}

fn op_code(out: &Outcome) -> OperationResultTr {
    match out.op_result() {
        OperationResult::OpInner(tr) => tr,
        other => panic!("{other:?}"),
    }
}

#[test]
fn create_account_result_codes() {
    let mut t = TestChain::new();
    let (a, b) = (Key::named("a"), Key::named("b"));
    t.fund(&a, 100);
    let create = |to: &Key, xlm: i64| {
        OperationBody::CreateAccount(CreateAccountOp {
            destination: to.id(),
            starting_balance: xlm,
        })
    };
    let out = t.submit(t.tx(&a).op(create(&b, 0)).sign(&[&a]));
    assert_eq!(
        op_code(&out),
        OperationResultTr::CreateAccount(CreateAccountResult::LowReserve)
    );
    let out = t.submit(t.tx(&a).op(create(&b, 1000 * XLM)).sign(&[&a]));
    assert_eq!(
        op_code(&out),
        OperationResultTr::CreateAccount(CreateAccountResult::Underfunded)
    );
    t.submit(t.tx(&a).op(create(&b, 10 * XLM)).sign(&[&a]))
        .expect_success();
    let acct = t.account(&b).unwrap();
    assert_eq!(acct.balance, 10 * XLM);
    assert_eq!(
        acct.seq_num.0 >> 32,
        t.chain.latest().seq as i64,
        "sequence starts at ledger << 32"
    );
    let out = t.submit(t.tx(&a).op(create(&b, 10 * XLM)).sign(&[&a]));
    assert_eq!(
        op_code(&out),
        OperationResultTr::CreateAccount(CreateAccountResult::AlreadyExist)
    );
}

#[test]
fn native_payment_respects_the_reserve() {
    let mut t = TestChain::new();
    let (a, b) = (Key::named("a"), Key::named("b"));
    t.fund(&a, 10);
    t.fund(&b, 10);
    // 10 XLM minus 1 XLM reserve (2 × 0.5) minus the fee is all a can send.
    let out = t.submit(t.tx(&a).op(native_payment(&b, 9)).sign(&[&a]));
    assert_eq!(
        op_code(&out),
        OperationResultTr::Payment(PaymentResult::Underfunded)
    );
    t.submit(
        t.tx(&a)
            .op(payment(&b, Asset::Native, 9 * XLM - 300))
            .sign(&[&a]),
    )
    .expect_success();
}

#[test]
fn credit_payments_need_trustlines_and_the_issuer_mints_and_burns() {
    let mut t = TestChain::new();
    let (a, b) = (Key::named("a"), Key::named("b"));
    let issuer = t.usdc_issuer();
    t.fund(&a, 100);
    t.fund(&b, 100);
    let out = t.submit(
        t.tx(&issuer)
            .op(payment(&a, usdc(), 50 * XLM))
            .sign(&[&issuer]),
    );
    assert_eq!(
        op_code(&out),
        OperationResultTr::Payment(PaymentResult::NoTrust)
    );
    t.submit(t.tx(&a).op(trust(&usdc())).sign(&[&a]))
        .expect_success();
    assert_eq!(t.account(&a).unwrap().num_sub_entries, 1);
    assert_eq!(
        t.balance(&a),
        100 * XLM - 100,
        "a trustline costs no XLM beyond the fee, only reserve"
    );
    t.submit(
        t.tx(&issuer)
            .op(payment(&a, usdc(), 50 * XLM))
            .sign(&[&issuer]),
    )
    .expect_success();
    let out = t.submit(t.tx(&a).op(payment(&b, usdc(), 5 * XLM)).sign(&[&a]));
    assert_eq!(
        op_code(&out),
        OperationResultTr::Payment(PaymentResult::NoTrust)
    );
    t.submit(t.tx(&b).op(trust(&usdc())).sign(&[&b]))
        .expect_success();
    t.submit(t.tx(&a).op(payment(&b, usdc(), 5 * XLM)).sign(&[&a]))
        .expect_success();
    let out = t.submit(t.tx(&a).op(payment(&b, usdc(), 500 * XLM)).sign(&[&a]));
    assert_eq!(
        op_code(&out),
        OperationResultTr::Payment(PaymentResult::Underfunded)
    );
    // Paying the issuer burns.
    t.submit(t.tx(&a).op(payment(&issuer, usdc(), 45 * XLM)).sign(&[&a]))
        .expect_success();
    // A trustline with a balance cannot be removed.
    let line = match usdc() {
        Asset::CreditAlphanum4(x) => ChangeTrustAsset::CreditAlphanum4(x),
        _ => unreachable!(),
    };
    let out = t.submit(
        t.tx(&b)
            .op(OperationBody::ChangeTrust(ChangeTrustOp { line, limit: 0 }))
            .sign(&[&b]),
    );
    assert_eq!(
        op_code(&out),
        OperationResultTr::ChangeTrust(ChangeTrustResult::InvalidLimit)
    );
}

#[test]
fn change_trust_to_self_or_native_is_malformed() {
    let mut t = TestChain::new();
    let issuer = t.usdc_issuer();
    let out = t.submit(t.tx(&issuer).op(trust(&usdc())).sign(&[&issuer]));
    assert_eq!(
        op_code(&out),
        OperationResultTr::ChangeTrust(ChangeTrustResult::Malformed)
    );
}

#[test]
fn multisig_thresholds_are_enforced() {
    let mut t = TestChain::new();
    let (a, cosigner, b) = (Key::named("a"), Key::named("cosigner"), Key::named("b"));
    t.fund(&a, 100);
    t.fund(&b, 100);
    // 2-of-2: master weight 1, cosigner weight 1, medium and high thresholds 2.
    let set = OperationBody::SetOptions(SetOptionsOp {
        inflation_dest: None,
        clear_flags: None,
        set_flags: None,
        master_weight: Some(1),
        low_threshold: Some(1),
        med_threshold: Some(2),
        high_threshold: Some(2),
        home_domain: None,
        signer: Some(Signer {
            key: SignerKey::Ed25519(Uint256(cosigner.public())),
            weight: 1,
        }),
    });
    t.submit(t.tx(&a).op(set).sign(&[&a])).expect_success();
    let acct = t.account(&a).unwrap();
    assert_eq!(acct.signers.len(), 1);
    assert_eq!(acct.num_sub_entries, 1);
    // One signature meets the low threshold (the tx) but not the payment's medium one:
    // the transaction is refused as txFAILED with opBAD_AUTH, as core does.
    for signer in [&a, &cosigner] {
        let out = t.submit(t.tx(&a).op(native_payment(&b, 1)).sign(&[signer]));
        assert!(matches!(out, Outcome::Rejected(_)));
        assert_eq!(out.op_result(), OperationResult::OpBadAuth);
    }
    t.submit(t.tx(&a).op(native_payment(&b, 1)).sign(&[&a, &cosigner]))
        .expect_success();
    assert_eq!(t.balance(&b), 101 * XLM);
}

#[test]
fn set_options_rejects_bad_signers_and_thresholds() {
    let mut t = TestChain::new();
    let a = Key::named("a");
    t.fund(&a, 100);
    let base = SetOptionsOp {
        inflation_dest: None,
        clear_flags: None,
        set_flags: None,
        master_weight: None,
        low_threshold: None,
        med_threshold: None,
        high_threshold: None,
        home_domain: None,
        signer: None,
    };
    let out = t.submit(
        t.tx(&a)
            .op(OperationBody::SetOptions(SetOptionsOp {
                master_weight: Some(256),
                ..base.clone()
            }))
            .sign(&[&a]),
    );
    assert_eq!(
        op_code(&out),
        OperationResultTr::SetOptions(SetOptionsResult::ThresholdOutOfRange)
    );
    let own = Signer {
        key: SignerKey::Ed25519(Uint256(a.public())),
        weight: 1,
    };
    let out = t.submit(
        t.tx(&a)
            .op(OperationBody::SetOptions(SetOptionsOp {
                signer: Some(own),
                ..base
            }))
            .sign(&[&a]),
    );
    assert_eq!(
        op_code(&out),
        OperationResultTr::SetOptions(SetOptionsResult::BadSigner)
    );
}

#[test]
fn unsupported_operations_fail_cleanly() {
    let mut t = TestChain::new();
    let a = Key::named("a");
    t.fund(&a, 100);
    let out = t.submit(
        t.tx(&a)
            .op(OperationBody::BumpSequence(BumpSequenceOp {
                bump_to: SequenceNumber(0),
            }))
            .sign(&[&a]),
    );
    assert!(!out.is_success());
    assert_eq!(out.op_result(), OperationResult::OpNotSupported);
    assert_eq!(t.balance(&a), 100 * XLM - 100);
}

#[test]
fn classic_payments_emit_asset_contract_events() {
    let mut t = TestChain::new();
    let (a, b) = (Key::named("a"), Key::named("b"));
    let issuer = t.usdc_issuer();
    t.fund(&a, 100);
    t.fund(&b, 100);
    t.submit(t.tx(&a).op(trust(&usdc())).sign(&[&a]))
        .expect_success();
    t.submit(t.tx(&b).op(trust(&usdc())).sign(&[&b]))
        .expect_success();
    let first = t.chain.latest().seq + 1;
    t.submit(t.tx(&issuer).op(payment(&a, usdc(), 50)).sign(&[&issuer]))
        .expect_success();
    t.submit(t.tx(&a).op(payment(&b, usdc(), 20)).sign(&[&a]))
        .expect_success();
    t.submit(t.tx(&b).op(payment(&issuer, usdc(), 5)).sign(&[&b]))
        .expect_success();
    t.submit(t.tx(&a).op(native_payment(&b, 1)).sign(&[&a]))
        .expect_success();
    let rows = t
        .chain
        .events_between((first, 0, 0, 0), t.chain.latest().seq + 1, 20)
        .unwrap();
    let ops: Vec<_> = rows.iter().filter(|r| r.tx_index != 0).collect();
    let names: Vec<String> = ops
        .iter()
        .map(|r| {
            let ev = ContractEvent::from_xdr(&r.xdr, Limits::none()).unwrap();
            let ContractEventBody::V0(body) = ev.body;
            match &body.topics[0] {
                ScVal::Symbol(s) => s.to_utf8_string_lossy(),
                _ => String::new(),
            }
        })
        .collect();
    assert_eq!(names, ["mint", "transfer", "burn", "transfer"]);
    assert_eq!(ops[0].contract_id, Some(t.chain.usdc_contract()));
    assert_eq!(ops[3].contract_id, Some(t.chain.native_contract()));
    assert_eq!(
        rows.len(),
        8,
        "each of the four transactions also has its fee event"
    );
}
