//! TTLs and archival: expired temporary entries disappear, archived persistent entries
//! must be restored (explicitly, or automatically when the transaction marks them), and
//! TTLs can be extended.

mod common;
use common::*;
use localnet::backend::entry::StoredEntry;
use localnet::backend::simulate::{simulate, SimulationRequest};
use localnet::backend::state::{key_bytes, liveness, Liveness};
use soroban_env_host::xdr::*;

fn instance_key(contract: [u8; 32]) -> LedgerKey {
    LedgerKey::ContractData(LedgerKeyContractData {
        contract: ScAddress::Contract(ContractId(Hash(contract))),
        key: ScVal::LedgerKeyContractInstance,
        durability: ContractDataDurability::Persistent,
    })
}

/// Puts an entry's TTL in the past (as if many ledgers had gone by).
fn archive(t: &mut TestChain, key: &LedgerKey) {
    let k = key_bytes(key);
    let mut stored: StoredEntry = t.chain.state().get(&k).unwrap().clone();
    stored.live_until = Some(t.chain.latest().seq - 1);
    t.chain.state_mut().put(k, Some(stored));
}

fn live_until(t: &TestChain, key: &LedgerKey) -> Liveness {
    liveness(
        t.chain.state().get(&key_bytes(key)),
        key,
        t.chain.latest().seq + 1,
    )
}

fn soroban_tx(
    t: &TestChain,
    source: &Key,
    body: OperationBody,
    fp: LedgerFootprint,
) -> TransactionEnvelope {
    let draft = SorobanTransactionData {
        ext: SorobanTransactionDataExt::V0,
        resources: SorobanResources {
            footprint: fp,
            instructions: 0,
            disk_read_bytes: 0,
            write_bytes: 0,
        },
        resource_fee: 0,
    };
    let env = t.tx(source).op(body.clone()).soroban(draft).envelope();
    let sim = simulate(
        &t.chain,
        SimulationRequest {
            envelope: env,
            auth_mode: None,
            use_upgraded_auth: true,
            instruction_leeway: None,
        },
    );
    assert!(sim.error.is_none(), "{:?}", sim.error);
    let data = sim.transaction_data.unwrap();
    t.tx(source)
        .op(body)
        .soroban(data.clone())
        .fee(data.resource_fee as u32 + 100)
        .sign(&[source])
}

#[test]
fn archived_entries_are_restored_automatically_when_marked() {
    let mut t = TestChain::new();
    let (a, b) = (Key::named("a"), Key::named("b"));
    t.fund(&a, 100);
    t.fund(&b, 100);
    let sac = t.chain.native_contract();
    let key = instance_key(sac);
    archive(&mut t, &key);
    assert!(matches!(live_until(&t, &key), Liveness::Archived(_)));

    let (op, data) = prepare(&t, &a, sac_transfer(sac, &a, &b, XLM));
    let SorobanTransactionDataExt::V1(ext) = &data.ext else {
        panic!("simulation marks the archived entry")
    };
    assert_eq!(ext.archived_soroban_entries.len(), 1);

    // Without the mark, the transaction fails with ENTRY_ARCHIVED.
    let mut unmarked = data.clone();
    unmarked.ext = SorobanTransactionDataExt::V0;
    let out = t.submit(
        t.tx(&a)
            .op(op.clone())
            .soroban(unmarked.clone())
            .fee(data.resource_fee as u32 + 100)
            .sign(&[&a]),
    );
    assert_eq!(
        out.op_result(),
        OperationResult::OpInner(OperationResultTr::InvokeHostFunction(
            InvokeHostFunctionResult::EntryArchived
        ))
    );

    t.submit(
        t.tx(&a)
            .op(op)
            .soroban(data.clone())
            .fee(data.resource_fee as u32 + 100)
            .sign(&[&a]),
    )
    .expect_success();
    let Liveness::Live(s) = live_until(&t, &key) else {
        panic!("restored")
    };
    assert!(
        s.live_until.unwrap()
            >= t.chain.latest().seq + t.chain.network().min_persistent_entry_ttl - 2
    );
    assert_eq!(t.balance(&b), 101 * XLM);
}

#[test]
fn restore_footprint_and_extend_ttl() {
    let mut t = TestChain::new();
    let a = Key::named("a");
    t.fund(&a, 100);
    let key = instance_key(t.chain.usdc_contract());
    archive(&mut t, &key);
    let restore = OperationBody::RestoreFootprint(RestoreFootprintOp {
        ext: ExtensionPoint::V0,
    });
    let fp = LedgerFootprint {
        read_only: VecM::default(),
        read_write: vec![key.clone()].try_into().unwrap(),
    };
    let out = t.submit(soroban_tx(&t, &a, restore, fp));
    out.expect_success();
    assert!(out.result().fee_charged > 100, "restoring pays rent");
    assert!(matches!(live_until(&t, &key), Liveness::Live(_)));

    let extend_to = 500_000;
    let extend = OperationBody::ExtendFootprintTtl(ExtendFootprintTtlOp {
        ext: ExtensionPoint::V0,
        extend_to,
    });
    let fp = LedgerFootprint {
        read_only: vec![key.clone()].try_into().unwrap(),
        read_write: VecM::default(),
    };
    let env = soroban_tx(&t, &a, extend, fp);
    let seq = t.chain.latest().seq + 1;
    t.submit(env).expect_success();
    let Liveness::Live(s) = live_until(&t, &key) else {
        panic!("live")
    };
    assert_eq!(s.live_until, Some(seq + extend_to));
}

#[test]
fn expired_temporary_entries_are_gone() {
    let mut t = TestChain::new();
    let (a, b) = (Key::named("a"), Key::named("b"));
    t.fund(&a, 100);
    t.fund(&b, 100);
    let sac = t.chain.native_contract();
    let addr = |k: &Key| ScVal::Address(ScAddress::Account(k.id()));
    let expiration = t.chain.latest().seq + 5;
    let approve = HostFunction::InvokeContract(InvokeContractArgs {
        contract_address: ScAddress::Contract(ContractId(Hash(sac))),
        function_name: ScSymbol("approve".try_into().unwrap()),
        args: vec![
            addr(&a),
            addr(&b),
            ScVal::I128(Int128Parts { hi: 0, lo: 1000 }),
            ScVal::U32(expiration),
        ]
        .try_into()
        .unwrap(),
    });
    let (op, data) = prepare(&t, &a, approve);
    t.submit(
        t.tx(&a)
            .op(op)
            .soroban(data.clone())
            .fee(data.resource_fee as u32 + 100)
            .sign(&[&a]),
    )
    .expect_success();
    let temp: Vec<LedgerKey> = data
        .resources
        .footprint
        .read_write
        .iter()
        .filter(|k| matches!(k, LedgerKey::ContractData(d) if d.durability == ContractDataDurability::Temporary))
        .cloned()
        .collect();
    assert_eq!(temp.len(), 1, "the allowance is a temporary entry");
    let Liveness::Live(s) = live_until(&t, &temp[0]) else {
        panic!("live")
    };
    while t.chain.latest().seq <= s.live_until.unwrap() {
        t.chain.close_empty().unwrap();
    }
    assert_eq!(live_until(&t, &temp[0]), Liveness::Missing);
    // Within 64 ledgers it is evicted: gone from the state and the store, and named in
    // the close meta's evicted keys.
    let evicted_at = (t.chain.latest().seq / 64 + 1) * 64;
    while t.chain.latest().seq < evicted_at {
        t.chain.close_empty().unwrap();
    }
    assert!(t.chain.state().get(&key_bytes(&temp[0])).is_none());
    let LedgerCloseMeta::V2(meta) =
        LedgerCloseMeta::from_xdr(&t.chain.latest().meta, Limits::none()).unwrap()
    else {
        panic!()
    };
    assert!(meta.evicted_keys.contains(&temp[0]));
    let t = t.reopen();
    assert!(t.chain.state().get(&key_bytes(&temp[0])).is_none());
}
