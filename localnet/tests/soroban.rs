//! Soroban transactions: simulation feeds apply; resource fees are checked, charged
//! and the unused refundable part refunded; events are indexed.

mod common;
use common::*;
use localnet::backend::fees;
use soroban_env_host::xdr::*;

#[test]
fn sac_transfer_is_charged_and_refunded() {
    let mut t = TestChain::new();
    let (a, b) = (Key::named("a"), Key::named("b"));
    t.fund(&a, 100);
    t.fund(&b, 100);
    let xlm_sac = t.chain.native_contract();
    let (op, data) = prepare(&t, &a, sac_transfer(xlm_sac, &a, &b, 3 * XLM));
    let declared = data.resource_fee;
    let tx = t.tx(&a).op(op).soroban(data).fee(declared as u32 + 100);
    let out = t.submit(tx.sign(&[&a]));
    let row = out.expect_success();
    let charged = out.result().fee_charged;
    assert!(
        charged > 100 && charged < declared + 100,
        "charged {charged}, declared {declared}: unused refundable fee comes back"
    );
    assert_eq!(t.balance(&a), 97 * XLM - charged);
    assert_eq!(t.balance(&b), 103 * XLM);
    let TransactionMeta::V4(meta) = TransactionMeta::from_xdr(&row.meta, Limits::none()).unwrap()
    else {
        panic!("meta v4")
    };
    assert_eq!(
        meta.operations[0].events.len(),
        1,
        "the SAC emits one transfer event"
    );
    assert!(meta.soroban_meta.is_some());
    // Indexed as stellar-rpc does: the fee at (ledger, 0, 0), the transfer at
    // (ledger, 1, 0), the refund after the transaction at (ledger, 1, 4095).
    let events = t
        .chain
        .events_between((row.ledger, 0, 0, 0), row.ledger + 1, 10)
        .unwrap();
    let positions: Vec<(u32, u32)> = events.iter().map(|e| (e.tx_index, e.op_index)).collect();
    assert_eq!(positions, [(0, 0), (1, 0), (1, 4095)]);
    assert!(events.iter().all(|e| e.contract_id == Some(xlm_sac)));
}

#[test]
fn resource_fee_below_the_declared_resources_is_tx_soroban_invalid() {
    let mut t = TestChain::new();
    let (a, b) = (Key::named("a"), Key::named("b"));
    t.fund(&a, 100);
    t.fund(&b, 100);
    let (op, mut data) = prepare(&t, &a, sac_transfer(t.chain.native_contract(), &a, &b, XLM));
    data.resource_fee = 10;
    let out = t.submit(
        t.tx(&a)
            .op(op.clone())
            .soroban(data.clone())
            .fee(1000)
            .sign(&[&a]),
    );
    assert_eq!(code(&out), TransactionResultResult::TxSorobanInvalid);
    // resourceFee above the whole fee is refused too.
    data.resource_fee = 5000;
    let out = t.submit(t.tx(&a).op(op).soroban(data).fee(1000).sign(&[&a]));
    assert_eq!(code(&out), TransactionResultResult::TxSorobanInvalid);
    assert_eq!(t.balance(&a), 100 * XLM);
}

#[test]
fn too_few_instructions_is_resource_limit_exceeded_and_refunds_the_refundable_fee() {
    let mut t = TestChain::new();
    let (a, b) = (Key::named("a"), Key::named("b"));
    t.fund(&a, 100);
    t.fund(&b, 100);
    let (op, mut data) = prepare(&t, &a, sac_transfer(t.chain.native_contract(), &a, &b, XLM));
    data.resources.instructions = 1000;
    let declared = data.resource_fee;
    let out = t.submit(
        t.tx(&a)
            .op(op)
            .soroban(data)
            .fee(declared as u32 + 100)
            .sign(&[&a]),
    );
    assert!(!out.is_success());
    assert_eq!(
        out.op_result(),
        OperationResult::OpInner(OperationResultTr::InvokeHostFunction(
            InvokeHostFunctionResult::ResourceLimitExceeded
        ))
    );
    assert!(out.result().fee_charged < declared + 100);
    assert_eq!(t.balance(&b), 100 * XLM);
}

#[test]
fn non_source_address_auth_must_be_signed() {
    let mut t = TestChain::new();
    let (a, b) = (Key::named("a"), Key::named("b"));
    t.fund(&a, 100);
    t.fund(&b, 100);
    // a submits a transfer out of b's balance: the recorded auth entry is for b.
    let (op, data) = prepare(&t, &a, sac_transfer(t.chain.native_contract(), &b, &a, XLM));
    let OperationBody::InvokeHostFunction(ihf) = &op else {
        unreachable!()
    };
    assert!(matches!(
        ihf.auth[0].credentials,
        SorobanCredentials::Address(_) | SorobanCredentials::AddressV2(_)
    ));
    // Unsigned, the host refuses it.
    let out = t.submit(
        t.tx(&a)
            .op(op)
            .soroban(data.clone())
            .fee(data.resource_fee as u32 + 100)
            .sign(&[&a]),
    );
    assert!(!out.is_success());
    assert_eq!(
        out.op_result(),
        OperationResult::OpInner(OperationResultTr::InvokeHostFunction(
            InvokeHostFunctionResult::Trapped
        ))
    );
    assert_eq!(t.balance(&b), 100 * XLM);
}

#[test]
fn declared_fee_matches_the_fee_schedule() {
    let mut t = TestChain::new();
    let (a, b) = (Key::named("a"), Key::named("b"));
    t.fund(&a, 100);
    t.fund(&b, 100);
    let (op, data) = prepare(&t, &a, sac_transfer(t.chain.native_contract(), &a, &b, XLM));
    let env = t
        .tx(&a)
        .op(op)
        .soroban(data.clone())
        .fee(data.resource_fee as u32 + 100)
        .sign(&[&a]);
    let size = env.to_xdr(Limits::none()).unwrap().len() as u32;
    let (non_refundable, _) = fees::resource_fee(t.chain.network(), &data, size);
    assert!(non_refundable > 0 && non_refundable <= data.resource_fee);
    t.submit(env).expect_success();
}
