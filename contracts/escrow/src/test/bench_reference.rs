//! The reference beside ours: Trustless Work's single- and multi-release escrows, driven
//! through their own interface (function names and argument types as their public source
//! declares them) over the same scenario as ours. Their code is theirs: nothing here builds
//! or fetches it. `OPENESCROW_REFERENCE_WASMS` names a directory holding `single-release.wasm`
//! and `multi-release.wasm` built from the pinned commits (BENCH.md, Method); their sha256
//! must be the pinned ones, so that every figure is of the same code.

use soroban_sdk::{Address, IntoVal, Map, Symbol, Val, Vec};

use super::bench::{shares, Actors, Run, EVIDENCE, STATUS};
use super::setup::UNIT;

/// The environment variable naming the directory of the reference's wasms.
pub const WASMS_VAR: &str = "OPENESCROW_REFERENCE_WASMS";

/// `develop` at e9d22ce4, built with its own lock file and release profile, no wasm-opt.
pub const SINGLE_SHA256: &str = "ff8789d551c1d5e9adedd492d44b55542f7e7ad0e512e81b2a7e52d9f3509876";
/// `multi-release-develop` at e30bb350, built the same way.
pub const MULTI_SHA256: &str = "62610fac6b0ed8b73018096bbb969e5e2bba87bdcae3c2a1b5ea9dd9b883e963";

pub struct Wasms {
    pub single: std::vec::Vec<u8>,
    pub multi: std::vec::Vec<u8>,
}

fn sha256_hex(bytes: &[u8]) -> std::string::String {
    let env = soroban_sdk::Env::default();
    let hash = env
        .crypto()
        .sha256(&soroban_sdk::Bytes::from_slice(&env, bytes))
        .to_array();
    hash.iter().map(|b| std::format!("{b:02x}")).collect()
}

fn read(dir: &str, file: &str, pinned: &str) -> std::vec::Vec<u8> {
    let path = std::format!("{dir}/{file}");
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{WASMS_VAR}: {path}: {e}"));
    let actual = sha256_hex(&bytes);
    assert!(actual == pinned, "{WASMS_VAR}: {path} has sha256 {actual}, not the pinned {pinned}: build it from the pinned commit (BENCH.md, Method)");
    bytes
}

/// The reference's wasms when `OPENESCROW_REFERENCE_WASMS` names them (checked against the
/// pinned hashes; a wrong file fails the bench); `None` when the variable is unset.
pub fn load() -> Option<Wasms> {
    let dir = std::env::var(WASMS_VAR).ok().filter(|d| !d.is_empty())?;
    Some(Wasms {
        single: read(&dir, "single-release.wasm", SINGLE_SHA256),
        multi: read(&dir, "multi-release.wasm", MULTI_SHA256),
    })
}

/// A `#[contracttype]` struct as the host sees it: a map from field name to value (the map
/// keeps its keys sorted, as the host requires).
fn record(r: &Run, fields: &[(&str, Val)]) -> Val {
    let env = &r.chain.env;
    let mut map: Map<Symbol, Val> = Map::new(env);
    for (name, value) in fields {
        map.set(Symbol::new(env, name), *value);
    }
    map.into_val(env)
}

fn roles(r: &Run, a: &Actors) -> Val {
    let env = &r.chain.env;
    record(
        r,
        &[
            ("approver", a.approver.address.into_val(env)),
            ("service_provider", a.provider.address.into_val(env)),
            ("platform_address", a.platform.address.into_val(env)),
            ("release_signer", a.signer.address.into_val(env)),
            ("dispute_resolver", a.resolver.address.into_val(env)),
            ("receiver", a.receiver.address.into_val(env)),
        ],
    )
}

/// The escrow's properties as the reference takes them, fresh (no status, nothing approved).
fn properties(r: &Run, a: &Actors, multi: bool) -> Val {
    let env = &r.chain.env;
    let empty = r.str("");
    let milestone = |description: &str, amount: i128| {
        let mut fields = std::vec![
            ("description", r.str(description).into_val(env)),
            ("status", empty.into_val(env)),
            ("evidence", empty.into_val(env)),
        ];
        if multi {
            let flags = [
                ("disputed", false),
                ("released", false),
                ("resolved", false),
                ("approved", false),
            ];
            let flags: std::vec::Vec<(&str, Val)> =
                flags.iter().map(|(k, v)| (*k, v.into_val(env))).collect();
            fields.push(("amount", amount.into_val(env)));
            fields.push(("flags", record(r, &flags)));
        } else {
            fields.push(("approved", false.into_val(env)));
        }
        record(r, &fields)
    };
    let (first, second) = if multi { (6 * UNIT, 4 * UNIT) } else { (0, 0) };
    let milestones = Vec::from_array(
        env,
        [milestone("Design", first), milestone("Build", second)],
    );
    let mut fields = std::vec![
        ("engagement_id", r.str("ENG-2026-0001").into_val(env)),
        ("title", r.str("Website redesign").into_val(env)),
        (
            "description",
            r.str("Design and build the new marketing site")
                .into_val(env)
        ),
        ("roles", roles(r, a)),
        ("platform_fee", 300u32.into_val(env)),
        ("milestones", milestones.into_val(env)),
        (
            "trustline",
            record(r, &[("address", r.chain.token.into_val(env))])
        ),
        ("receiver_memo", 0i128.into_val(env)),
    ];
    if !multi {
        let flags = [
            ("disputed", false),
            ("released", false),
            ("resolved", false),
        ];
        let flags: std::vec::Vec<(&str, Val)> =
            flags.iter().map(|(k, v)| (*k, v.into_val(env))).collect();
        fields.push(("amount", (10 * UNIT).into_val(env)));
        fields.push(("flags", record(r, &flags)));
    }
    record(r, &fields)
}

/// Deploys (its constructor takes nothing), then initialises in a second transaction, then
/// funds the whole amount (the funder names the properties it reviewed).
fn create_and_fund(r: &mut Run, a: &Actors, wasm: &[u8], multi: bool) {
    let env = r.chain.env.clone();
    r.create(wasm, std::vec![], &a.platform, false);
    let escrow = properties(r, a, multi);
    r.call(
        None,
        "initialize_escrow",
        Vec::from_array(&env, [escrow]),
        std::vec![],
    );
    let transfer = r.transfer_in(&a.funder, 10 * UNIT);
    r.call(
        Some(&a.funder),
        "fund_escrow",
        (&a.funder.address, escrow, 10 * UNIT).into_val(&env),
        std::vec![transfer],
    );
}

fn status_and_approve(r: &mut Run, a: &Actors, index: i128) {
    let env = r.chain.env.clone();
    let args = (
        index,
        r.str(STATUS),
        Some(r.str(EVIDENCE)),
        &a.provider.address,
    )
        .into_val(&env);
    r.call(
        Some(&a.provider),
        "change_milestone_status",
        args,
        std::vec![],
    );
    r.call(
        Some(&a.approver),
        "approve_milestone",
        (index, &a.approver.address).into_val(&env),
        std::vec![],
    );
}

fn protocol(a: &Actors) -> &Address {
    &a.protocol.address
}

fn single(r: &mut Run, a: &Actors, w: &Wasms) {
    let env = r.chain.env.clone();
    create_and_fund(r, a, &w.single, false);
    // Same order as ours: both statuses, then both approvals.
    let status = |r: &mut Run, i: i128| {
        let args = (i, r.str(STATUS), Some(r.str(EVIDENCE)), &a.provider.address).into_val(&env);
        r.call(
            Some(&a.provider),
            "change_milestone_status",
            args,
            std::vec![],
        );
    };
    status(r, 0);
    status(r, 1);
    for i in 0..2i128 {
        r.call(
            Some(&a.approver),
            "approve_milestone",
            (i, &a.approver.address).into_val(&env),
            std::vec![],
        );
    }
    r.call(
        Some(&a.signer),
        "release_funds",
        (&a.signer.address, protocol(a)).into_val(&env),
        std::vec![],
    );
}

fn single_dispute(r: &mut Run, a: &Actors, w: &Wasms) {
    let env = r.chain.env.clone();
    create_and_fund(r, a, &w.single, false);
    r.call(
        Some(&a.approver),
        "dispute_escrow",
        (&a.approver.address,).into_val(&env),
        std::vec![],
    );
    let args = (&a.resolver.address, protocol(a), shares(r, a, 10 * UNIT)).into_val(&env);
    r.call(Some(&a.resolver), "resolve_dispute", args, std::vec![]);
}

fn multi(r: &mut Run, a: &Actors, w: &Wasms) {
    let env = r.chain.env.clone();
    create_and_fund(r, a, &w.multi, true);
    for i in 0..2u32 {
        status_and_approve(r, a, i as i128);
        let args = (&a.signer.address, protocol(a), i).into_val(&env);
        r.call(
            Some(&a.signer),
            "release_milestone_funds",
            args,
            std::vec![],
        );
    }
}

fn multi_dispute(r: &mut Run, a: &Actors, w: &Wasms) {
    let env = r.chain.env.clone();
    create_and_fund(r, a, &w.multi, true);
    r.call(
        Some(&a.approver),
        "dispute_milestone",
        (0i128, &a.approver.address).into_val(&env),
        std::vec![],
    );
    let args = (
        &a.resolver.address,
        0u32,
        protocol(a),
        shares(r, a, 6 * UNIT),
    )
        .into_val(&env);
    r.call(
        Some(&a.resolver),
        "resolve_milestone_dispute",
        args,
        std::vec![],
    );
}

/// The four lifecycles, in the order of ours.
pub const LIFECYCLES: [fn(&mut Run, &Actors, &Wasms); 4] =
    [single, single_dispute, multi, multi_dispute];
