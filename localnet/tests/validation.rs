//! Transaction validity and result codes, as core gives them.

mod common;
use common::*;
use soroban_env_host::xdr::*;

#[test]
fn valid_payment_charges_the_base_fee_and_bumps_the_sequence() {
    let mut t = TestChain::new();
    let (a, b) = (Key::named("a"), Key::named("b"));
    t.fund(&a, 100);
    t.fund(&b, 100);
    let seq = t.next_seq(&a);
    let out = t.submit(t.tx(&a).op(native_payment(&b, 10)).sign(&[&a]));
    assert_eq!(out.expect_success().application_order, 1);
    assert_eq!(out.result().fee_charged, 100);
    assert_eq!(t.balance(&a), 90 * XLM - 100);
    assert_eq!(t.balance(&b), 110 * XLM);
    assert_eq!(t.account(&a).unwrap().seq_num.0, seq);
}

#[test]
fn bad_sequence_is_tx_bad_seq() {
    let mut t = TestChain::new();
    let (a, b) = (Key::named("a"), Key::named("b"));
    t.fund(&a, 100);
    t.fund(&b, 100);
    let seq = t.next_seq(&a);
    for wrong in [seq + 1, seq - 1, 0] {
        let out = t.submit(t.tx(&a).seq(wrong).op(native_payment(&b, 1)).sign(&[&a]));
        assert!(matches!(out, Outcome::Rejected(_)));
        assert_eq!(code(&out), TransactionResultResult::TxBadSeq);
    }
    assert_eq!(
        t.balance(&a),
        100 * XLM,
        "a refused transaction charges nothing"
    );
}

#[test]
fn wrong_or_missing_signature_is_tx_bad_auth() {
    let mut t = TestChain::new();
    let (a, b) = (Key::named("a"), Key::named("b"));
    t.fund(&a, 100);
    t.fund(&b, 100);
    let out = t.submit(t.tx(&a).op(native_payment(&b, 1)).sign(&[&b]));
    assert_eq!(code(&out), TransactionResultResult::TxBadAuth);
    let out = t.submit(t.tx(&a).op(native_payment(&b, 1)).sign(&[]));
    assert_eq!(code(&out), TransactionResultResult::TxBadAuth);
    // A signature over another network's hash does not verify either.
    let mut builder = t.tx(&a).op(native_payment(&b, 1));
    builder.network_id = [7; 32];
    let out = t.submit(builder.sign(&[&a]));
    assert_eq!(code(&out), TransactionResultResult::TxBadAuth);
}

#[test]
fn extra_signature_is_tx_bad_auth_extra() {
    let mut t = TestChain::new();
    let (a, b) = (Key::named("a"), Key::named("b"));
    t.fund(&a, 100);
    t.fund(&b, 100);
    let out = t.submit(t.tx(&a).op(native_payment(&b, 1)).sign(&[&a, &b]));
    assert_eq!(code(&out), TransactionResultResult::TxBadAuthExtra);
}

#[test]
fn fee_below_base_fee_is_tx_insufficient_fee() {
    let mut t = TestChain::new();
    let (a, b) = (Key::named("a"), Key::named("b"));
    t.fund(&a, 100);
    t.fund(&b, 100);
    let out = t.submit(t.tx(&a).op(native_payment(&b, 1)).fee(99).sign(&[&a]));
    assert_eq!(code(&out), TransactionResultResult::TxInsufficientFee);
    // Two operations need twice the base fee.
    let out = t.submit(
        t.tx(&a)
            .op(native_payment(&b, 1))
            .op(native_payment(&b, 1))
            .fee(150)
            .sign(&[&a]),
    );
    assert_eq!(code(&out), TransactionResultResult::TxInsufficientFee);
}

#[test]
fn a_higher_fee_offer_is_charged_only_the_base_fee() {
    let mut t = TestChain::new();
    let (a, b) = (Key::named("a"), Key::named("b"));
    t.fund(&a, 100);
    t.fund(&b, 100);
    let out = t.submit(t.tx(&a).op(native_payment(&b, 1)).fee(10_000).sign(&[&a]));
    out.expect_success();
    assert_eq!(out.result().fee_charged, 100);
}

#[test]
fn time_bounds_are_enforced() {
    let mut t = TestChain::new();
    let (a, b) = (Key::named("a"), Key::named("b"));
    t.fund(&a, 100);
    t.fund(&b, 100);
    let out = t.submit(
        t.tx(&a)
            .op(native_payment(&b, 1))
            .time_bounds(0, now() - 10)
            .sign(&[&a]),
    );
    assert_eq!(code(&out), TransactionResultResult::TxTooLate);
    let out = t.submit(
        t.tx(&a)
            .op(native_payment(&b, 1))
            .time_bounds(now() + 3600, 0)
            .sign(&[&a]),
    );
    assert_eq!(code(&out), TransactionResultResult::TxTooEarly);
    t.submit(
        t.tx(&a)
            .op(native_payment(&b, 1))
            .time_bounds(now() - 10, now() + 30)
            .sign(&[&a]),
    )
    .expect_success();
}

#[test]
fn unknown_source_is_tx_no_account_and_empty_is_missing_operation() {
    let mut t = TestChain::new();
    let (a, ghost) = (Key::named("a"), Key::named("ghost"));
    t.fund(&a, 100);
    let mut builder = t.tx(&a).op(native_payment(&a, 1));
    builder.tx.source_account = ghost.muxed();
    let out = t.submit(builder.sign(&[&ghost]));
    assert_eq!(code(&out), TransactionResultResult::TxNoAccount);
    let out = t.submit(t.tx(&a).sign(&[&a]));
    assert_eq!(code(&out), TransactionResultResult::TxMissingOperation);
}

#[test]
fn fee_above_spendable_balance_is_tx_insufficient_balance() {
    let mut t = TestChain::new();
    let (a, b) = (Key::named("a"), Key::named("b"));
    t.fund(&a, 1);
    t.fund(&b, 100);
    let out = t.submit(
        t.tx(&a)
            .op(native_payment(&b, 0))
            .fee(100 * XLM as u32 / 10)
            .sign(&[&a]),
    );
    assert_eq!(code(&out), TransactionResultResult::TxInsufficientBalance);
}

#[test]
fn resubmitting_the_same_transaction_is_a_duplicate() {
    let mut t = TestChain::new();
    let (a, b) = (Key::named("a"), Key::named("b"));
    t.fund(&a, 100);
    t.fund(&b, 100);
    let env = t.tx(&a).op(native_payment(&b, 1)).sign(&[&a]);
    t.submit(env.clone()).expect_success();
    assert!(matches!(t.submit(env), Outcome::Duplicate));
}

#[test]
fn a_failed_operation_fails_the_transaction_and_rolls_back_the_others() {
    let mut t = TestChain::new();
    let (a, b, nobody) = (Key::named("a"), Key::named("b"), Key::named("nobody"));
    t.fund(&a, 100);
    t.fund(&b, 100);
    let out = t.submit(
        t.tx(&a)
            .op(native_payment(&b, 5))
            .op(native_payment(&nobody, 5))
            .sign(&[&a]),
    );
    let Outcome::Applied(row, result) = &out else {
        panic!("should be applied")
    };
    assert!(!row.successful);
    let TransactionResultResult::TxFailed(ops) = &result.result else {
        panic!("{:?}", result.result)
    };
    assert!(matches!(
        ops[1],
        OperationResult::OpInner(OperationResultTr::Payment(PaymentResult::NoDestination))
    ));
    assert_eq!(t.balance(&b), 100 * XLM, "the first payment is rolled back");
    assert_eq!(t.balance(&a), 100 * XLM - 200, "the fee is still charged");
}

#[test]
fn fee_bump_pays_for_the_inner_transaction() {
    let mut t = TestChain::new();
    let (a, b, sponsor) = (Key::named("a"), Key::named("b"), Key::named("sponsor"));
    t.fund(&a, 100);
    t.fund(&b, 100);
    t.fund(&sponsor, 100);
    let inner = t.tx(&a).op(native_payment(&b, 1)).sign(&[&a]);
    let TransactionEnvelope::Tx(inner) = inner else {
        unreachable!()
    };
    let fee_bump = |fee: i64| FeeBumpTransaction {
        fee_source: sponsor.muxed(),
        fee,
        inner_tx: FeeBumpTransactionInnerTx::Tx(inner.clone()),
        ext: FeeBumpTransactionExt::V0,
    };
    let network_id = t.chain.network_id();
    let sign = |fb: FeeBumpTransaction| {
        let env = TransactionEnvelope::TxFeeBump(FeeBumpTransactionEnvelope {
            tx: fb.clone(),
            signatures: VecM::default(),
        });
        let hash = env.hash(network_id).unwrap();
        TransactionEnvelope::TxFeeBump(FeeBumpTransactionEnvelope {
            tx: fb,
            signatures: vec![sponsor.sign(&hash)].try_into().unwrap(),
        })
    };
    let low = t.submit(sign(fee_bump(150)));
    assert_eq!(code(&low), TransactionResultResult::TxInsufficientFee);
    let out = t.submit(sign(fee_bump(1000)));
    let row = out.expect_success();
    assert!(row.fee_bump);
    assert!(matches!(
        out.result().result,
        TransactionResultResult::TxFeeBumpInnerSuccess(_)
    ));
    assert_eq!(t.balance(&a), 99 * XLM, "the inner source pays no fee");
    assert_eq!(t.balance(&sponsor), 100 * XLM - 200);
}

#[test]
fn soroban_data_on_a_classic_transaction_is_malformed() {
    let mut t = TestChain::new();
    let (a, b) = (Key::named("a"), Key::named("b"));
    t.fund(&a, 100);
    t.fund(&b, 100);
    let data = SorobanTransactionData {
        ext: SorobanTransactionDataExt::V0,
        resources: SorobanResources {
            footprint: LedgerFootprint {
                read_only: VecM::default(),
                read_write: VecM::default(),
            },
            instructions: 0,
            disk_read_bytes: 0,
            write_bytes: 0,
        },
        resource_fee: 0,
    };
    let out = t.submit(t.tx(&a).op(native_payment(&b, 1)).soroban(data).sign(&[&a]));
    assert_eq!(code(&out), TransactionResultResult::TxMalformed);
}

#[test]
fn ledger_bounds_and_min_seq_num_preconditions() {
    let mut t = TestChain::new();
    let (a, b) = (Key::named("a"), Key::named("b"));
    t.fund(&a, 100);
    t.fund(&b, 100);
    let next = t.chain.latest().seq + 1;
    let v2 = |min_ledger: u32, max_ledger: u32, min_seq: Option<i64>| {
        Preconditions::V2(PreconditionsV2 {
            time_bounds: None,
            ledger_bounds: Some(LedgerBounds {
                min_ledger,
                max_ledger,
            }),
            min_seq_num: min_seq.map(SequenceNumber),
            min_seq_age: Duration(0),
            min_seq_ledger_gap: 0,
            extra_signers: VecM::default(),
        })
    };
    let with = |t: &TestChain, cond: Preconditions, seq: Option<i64>| {
        let mut b2 = t.tx(&a).op(native_payment(&b, 1));
        b2.tx.cond = cond;
        if let Some(s) = seq {
            b2.tx.seq_num = SequenceNumber(s);
        }
        b2.sign(&[&a])
    };
    let out = t.submit(with(&t, v2(next + 5, 0, None), None));
    assert_eq!(code(&out), TransactionResultResult::TxTooEarly);
    let out = t.submit(with(&t, v2(0, next, None), None));
    assert_eq!(code(&out), TransactionResultResult::TxTooLate);
    t.submit(with(&t, v2(0, next + 1, None), None))
        .expect_success();
    // minSeqNum lets a transaction jump ahead.
    let current = t.account(&a).unwrap().seq_num.0;
    t.submit(with(&t, v2(0, 0, Some(current)), Some(current + 10)))
        .expect_success();
    assert_eq!(t.account(&a).unwrap().seq_num.0, current + 10);
}
