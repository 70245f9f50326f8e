//! The project's escrow on a test chain: deployed with its constructor and funded.
//! Its interface is changing, so `fund`'s arguments come from the Wasm's own spec.
#![allow(dead_code)]

use super::*;
use localnet::backend::simulate::{simulate, SimulationRequest};
use localnet::backend::{genesis, Chain};
use soroban_env_host::xdr::*;

pub const WASM: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../contracts/escrow/dist/escrow.wasm"
);
pub const AMOUNT: i64 = 100 * XLM;

pub fn sym(s: &str) -> ScVal {
    ScVal::Symbol(ScSymbol(s.try_into().unwrap()))
}
pub fn text(s: &str) -> ScVal {
    ScVal::String(ScString(s.try_into().unwrap()))
}
pub fn addr(k: &Key) -> ScVal {
    ScVal::Address(ScAddress::Account(k.id()))
}
pub fn i128v(n: i64) -> ScVal {
    ScVal::I128(Int128Parts {
        hi: if n < 0 { -1 } else { 0 },
        lo: n as u64,
    })
}
pub fn vec(items: Vec<ScVal>) -> ScVal {
    ScVal::Vec(Some(ScVec(items.try_into().unwrap())))
}
/// A `#[contracttype]` struct: a map with its fields sorted by name.
pub fn record(mut fields: Vec<(&str, ScVal)>) -> ScVal {
    fields.sort_by(|a, b| a.0.cmp(b.0));
    let entries: Vec<ScMapEntry> = fields
        .into_iter()
        .map(|(k, v)| ScMapEntry {
            key: sym(k),
            val: v,
        })
        .collect();
    ScVal::Map(Some(ScMap(entries.try_into().unwrap())))
}

pub fn call(contract: [u8; 32], function: &str, args: Vec<ScVal>) -> HostFunction {
    HostFunction::InvokeContract(InvokeContractArgs {
        contract_address: ScAddress::Contract(ContractId(Hash(contract))),
        function_name: ScSymbol(function.try_into().unwrap()),
        args: args.try_into().unwrap(),
    })
}

/// A read-only call's return value, by simulation.
pub fn read(chain: &Chain, source: &Key, host_fn: HostFunction) -> ScVal {
    let tx = TransactionEnvelope::Tx(TransactionV1Envelope {
        tx: Transaction {
            source_account: source.muxed(),
            fee: 100,
            seq_num: SequenceNumber(1),
            cond: Preconditions::None,
            memo: Memo::None,
            operations: vec![Operation {
                source_account: None,
                body: invoke(host_fn, vec![]),
            }]
            .try_into()
            .unwrap(),
            ext: TransactionExt::V0,
        },
        signatures: VecM::default(),
    });
    let sim = simulate(
        chain,
        SimulationRequest {
            envelope: tx,
            auth_mode: None,
            use_upgraded_auth: true,
            instruction_leeway: None,
        },
    );
    sim.result
        .unwrap_or_else(|| panic!("read failed: {:?}", sim.error))
        .1
}

/// Arguments for `fund` from its spec: the funder, the amount, and the terms version
/// of a fresh escrow (1) if this version of the contract asks for one.
pub fn fund_args(wasm: &[u8], funder: &Key) -> Vec<ScVal> {
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

/// A Single escrow of `AMOUNT` test USDC, deployed by its platform and funded by
/// its funder (both funded accounts); returns (escrow, platform, funder, provider).
pub struct FundedEscrow {
    pub id: [u8; 32],
    pub wasm: Vec<u8>,
    pub platform: Key,
    pub funder: Key,
    pub provider: Key,
}

pub fn funded_escrow(t: &mut TestChain) -> FundedEscrow {
    let (platform, funder, provider) = (
        Key::named("snap-platform"),
        Key::named("snap-funder"),
        Key::named("snap-provider"),
    );
    t.fund(&provider, 100);
    t.fund(&platform, 1000);
    t.fund(&funder, 1000);
    let issuer = t.usdc_issuer();
    let Asset::CreditAlphanum4(usdc) = genesis::usdc_asset() else {
        unreachable!()
    };
    let trust = ChangeTrustOp {
        line: ChangeTrustAsset::CreditAlphanum4(usdc),
        limit: i64::MAX,
    };
    t.submit(
        t.tx(&funder)
            .op(OperationBody::ChangeTrust(trust))
            .sign(&[&funder]),
    )
    .expect_success();
    t.submit(
        t.tx(&issuer)
            .op(payment(&funder, genesis::usdc_asset(), 150 * XLM))
            .sign(&[&issuer]),
    )
    .expect_success();

    let wasm =
        std::fs::read(WASM).expect("contracts/escrow/dist/escrow.wasm (npm run build:contract)");
    let hash = upload_wasm(t, &platform, &wasm);
    let role = |n: &str| addr(&Key::named(n));
    let roles = record(vec![
        ("approvers", vec(vec![role("snap-approver")])),
        ("approvals_required", ScVal::U32(1)),
        ("service_provider", addr(&provider)),
        ("release_signers", vec(vec![role("snap-releaser")])),
        ("releases_required", ScVal::U32(1)),
        ("dispute_resolver", role("snap-resolver")),
        ("platform", addr(&platform)),
        ("receiver", role("snap-receiver")),
    ]);
    let usdc_sac = t.chain.usdc_contract();
    let config = record(vec![
        ("kind", vec(vec![sym("Single")])),
        ("engagement_id", text("snapshot-1")),
        ("title", text("Logo design")),
        ("description", text("A logo in three colours")),
        (
            "token",
            ScVal::Address(ScAddress::Contract(ContractId(Hash(usdc_sac)))),
        ),
        ("roles", roles),
        ("platform_fee_bps", ScVal::U32(200)),
        (
            "protocol_fee",
            record(vec![
                ("recipient", role("snap-fees")),
                ("bps", ScVal::U32(100)),
            ]),
        ),
        ("amount", i128v(AMOUNT)),
        (
            "milestones",
            vec(vec![record(vec![
                ("description", text("Deliver the logo")),
                ("amount", i128v(0)),
                ("receiver", ScVal::Void),
            ])]),
        ),
        ("deadline", ScVal::Void),
    ]);
    let escrow = deploy(t, &platform, hash, vec![config]);
    run_host_function(t, &funder, call(escrow, "fund", fund_args(&wasm, &funder)));
    FundedEscrow {
        id: escrow,
        wasm,
        platform,
        funder,
        provider,
    }
}
