//! The escrow part of the bench: deploys the project's escrow (its committed wasm) and
//! times the buyer's `fund` calls, each prepared by simulation as a client would.

use super::{
    account_val, call_contract, http, next_seq, prepared, public, run, send_and_wait, strkey,
    PASSPHRASE,
};
use localnet::backend::dev::signed_transaction;
use localnet::backend::genesis;
use soroban_env_host::xdr::*;
use std::time::Duration;

fn sym(s: &str) -> ScVal {
    ScVal::Symbol(ScSymbol(s.try_into().unwrap()))
}
fn text(s: &str) -> ScVal {
    ScVal::String(ScString(s.as_bytes().to_vec().try_into().unwrap()))
}
fn i128v(v: i64) -> ScVal {
    ScVal::I128(Int128Parts {
        hi: 0,
        lo: v as u64,
    })
}
/// A `#[contracttype]` struct: a map from field names, sorted.
fn record(mut fields: Vec<(&str, ScVal)>) -> ScVal {
    fields.sort_by(|a, b| a.0.cmp(b.0));
    let entries: Vec<ScMapEntry> = fields
        .into_iter()
        .map(|(k, val)| ScMapEntry { key: sym(k), val })
        .collect();
    ScVal::Map(Some(ScMap(entries.try_into().unwrap())))
}
fn list(items: Vec<ScVal>) -> ScVal {
    ScVal::Vec(Some(ScVec(items.try_into().unwrap())))
}

/// Deploys the project's escrow (single release, 1,000 USDC) with `owner` in every role
/// and returns its contract id; the buyer then funds it in small steps.
fn deploy_escrow(
    port: u16,
    wasm: &[u8],
    owner: &[u8; 32],
    usdc: [u8; 32],
    seq: &mut i64,
) -> Result<[u8; 32], String> {
    let upload = HostFunction::UploadContractWasm(wasm.to_vec().try_into().unwrap());
    let hash = match run(port, &prepared(port, owner, upload, *seq, "")?)? {
        ScVal::Bytes(b) => b.to_vec(),
        other => return Err(format!("upload returned {other:?}")),
    };
    *seq += 1;
    let me = account_val(owner);
    let config = record(vec![
        ("kind", list(vec![sym("Single")])),
        ("engagement_id", text("bench")),
        ("title", text("Benchmark escrow")),
        ("description", text("funded in small steps")),
        (
            "token",
            ScVal::Address(ScAddress::Contract(ContractId(Hash(usdc)))),
        ),
        (
            "roles",
            record(vec![
                ("approvers", list(vec![me.clone()])),
                ("approvals_required", ScVal::U32(1)),
                ("service_provider", me.clone()),
                ("release_signers", list(vec![me.clone()])),
                ("releases_required", ScVal::U32(1)),
                ("dispute_resolver", me.clone()),
                ("platform", me.clone()),
                ("receiver", me.clone()),
            ]),
        ),
        ("platform_fee_bps", ScVal::U32(100)),
        (
            "protocol_fee",
            record(vec![("recipient", me.clone()), ("bps", ScVal::U32(0))]),
        ),
        ("amount", i128v(1_000 * 10_000_000)),
        (
            "milestones",
            list(vec![record(vec![
                ("description", text("all")),
                ("amount", i128v(0)),
                ("receiver", ScVal::Void),
            ])]),
        ),
        ("deadline", ScVal::Void),
    ]);
    let create = HostFunction::CreateContractV2(CreateContractArgsV2 {
        contract_id_preimage: ContractIdPreimage::Address(ContractIdPreimageFromAddress {
            address: ScAddress::Account(genesis::account_id(public(owner))),
            salt: Uint256([7; 32]),
        }),
        executable: ContractExecutable::Wasm(Hash(hash.try_into().map_err(|_| "wasm hash")?)),
        constructor_args: vec![config].try_into().unwrap(),
    });
    // The constructor's require_auth is not the root invocation: record it anyway.
    let id = run(
        port,
        &prepared(port, owner, create, *seq, "record_allow_nonroot")?,
    )?;
    *seq += 1;
    match id {
        ScVal::Address(ScAddress::Contract(ContractId(Hash(h)))) => Ok(h),
        other => Err(format!("deploy returned {other:?}")),
    }
}

pub fn fund_latency(
    port: u16,
    wasm_path: &str,
    owner: &[u8; 32],
    buyer: &[u8; 32],
    usdc: [u8; 32],
    samples: usize,
) -> Result<Vec<Duration>, String> {
    let wasm = std::fs::read(wasm_path).map_err(|e| format!("{wasm_path}: {e}"))?;
    let mut seq = next_seq(port, owner);
    let escrow = deploy_escrow(port, &wasm, owner, usdc, &mut seq)?;
    let line = ChangeTrustOp {
        line: match genesis::usdc_asset() {
            Asset::CreditAlphanum4(a) => ChangeTrustAsset::CreditAlphanum4(a),
            _ => unreachable!(),
        },
        limit: i64::MAX,
    };
    let trust = signed_transaction(
        buyer,
        next_seq(port, buyer),
        vec![OperationBody::ChangeTrust(line)],
        genesis::network_id(PASSPHRASE),
    );
    run(port, &trust)?;
    let (status, body) = http(
        port,
        "POST",
        &format!("/faucet?addr={}&asset=USDC&amount=1000", strkey(buyer)),
        "",
    )
    .unwrap();
    if status != 200 {
        return Err(format!("faucet: {body}"));
    }
    let first = next_seq(port, buyer);
    let mut out = vec![];
    // fund(from, amount, terms_version): the escrow was just deployed, at terms version 1.
    for seq in first..first + samples as i64 {
        let f = call_contract(
            escrow,
            "fund",
            vec![account_val(buyer), i128v(1), ScVal::U32(1)],
        );
        let env = prepared(port, buyer, f, seq, "")?;
        out.push(send_and_wait(port, &env));
    }
    out.sort();
    Ok(out)
}
