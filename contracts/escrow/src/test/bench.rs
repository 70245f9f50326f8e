//! `npm run bench:contract`: the on-chain cost of each call of the escrow's lifecycles,
//! measured with the method BENCH.md describes, beside the reference contracts (measured in
//! the same run when their wasms are given, see bench_reference.rs; else their recorded
//! figures) and beside the floor (bench_floor.rs). Writes the tables to BENCH.md as well.
//!
//! Run: cargo test --release -p escrow bench -- --ignored --nocapture
//! (BENCH_FEES=1 prints each call's fee breakdown and resources; BENCH_BUDGET=1 the host's
//! CPU budget by cost type for a status call and for a bare read, to see where CPU goes.)

use std::println;

use soroban_sdk::{vec, Address, IntoVal, Map, String, Symbol, Val, Vec};

use super::chain::{dist_wasm, invocation, Account, Chain};
use super::setup::UNIT;
use crate::{EscrowConfig, EscrowKind, MilestoneConfig, ProtocolFee, Roles};

/// One call's resources, from `env.cost_estimate()` right after it.
pub struct Cost {
    pub call: &'static str,
    pub cpu: i64,
    pub mem: i64,
    pub read_entries: u32,
    pub write_entries: u32,
    pub read_bytes: u32,
    pub write_bytes: u32,
    pub event_bytes: u32,
    pub fee: i64,
    pub fee_without_rent: i64,
    /// CPU the host charged for starting the VM (parsing and instantiating the module)...
    pub vm_start: i64,
    /// ...of which for its host imports (charged per import, used or not).
    pub vm_imports: i64,
}

/// The CPU a call's budget charged for starting VMs, and of that for host imports.
fn vm_start(env: &soroban_sdk::Env) -> (i64, i64) {
    use soroban_sdk::xdr::ContractCostType;
    let budget = env.cost_estimate().budget();
    let cpu = |t: ContractCostType| budget.tracker(t).cpu as i64;
    let start = ContractCostType::VARIANTS
        .iter()
        .filter(|t| {
            ["Vm", "Parse", "Instantiate"]
                .iter()
                .any(|p| t.name().starts_with(p))
        })
        .map(|t| cpu(*t))
        .sum();
    (start, cpu(ContractCostType::InstantiateWasmImports))
}

/// One lifecycle being measured on one ledger: the chain, the contract under test and what
/// each of its calls cost so far. Every driver (ours, the reference's, the floor's) goes
/// through `create` and `call`, so that all three are measured the same way.
pub struct Run {
    pub chain: Chain,
    pub costs: std::vec::Vec<Cost>,
    contract: Option<Address>,
}

pub struct Actors {
    pub platform: Account,
    pub funder: Account,
    pub approver: Account,
    pub provider: Account,
    pub signer: Account,
    pub resolver: Account,
    pub receiver: Account,
    pub protocol: Account,
}

/// A lifecycle: drives one contract through one scenario.
pub type Lifecycle = fn(&mut Run, &Actors);

impl Run {
    /// `network`: the ledger's state-archival settings are testnet's and mainnet's (see
    /// `Chain::with_network_ttls`) rather than the test ledger's defaults.
    pub fn new(network: bool) -> (Run, Actors) {
        let mut chain = Chain::with_network_ttls(network);
        let actors = Actors {
            platform: chain.account(),
            funder: chain.account(),
            approver: chain.account(),
            provider: chain.account(),
            signer: chain.account(),
            resolver: chain.account(),
            receiver: chain.account(),
            protocol: chain.account(),
        };
        chain.mint(&actors.funder, 10 * UNIT);
        (
            Run {
                chain,
                costs: std::vec::Vec::new(),
                contract: None,
            },
            actors,
        )
    }

    fn record(&mut self, call: &'static str) {
        let estimate = self.chain.env.cost_estimate();
        let r = estimate.resources();
        let fee = estimate.fee();
        if std::env::var("BENCH_FEES").is_ok() {
            println!("{call}: {fee:?}\n   {r:?}");
        }
        let (vm_start, vm_imports) = vm_start(&self.chain.env);
        self.costs.push(Cost {
            vm_start,
            vm_imports,
            call,
            cpu: r.instructions,
            mem: r.mem_bytes,
            read_entries: r.disk_read_entries + r.memory_read_entries,
            write_entries: r.write_entries,
            read_bytes: r.disk_read_bytes,
            write_bytes: r.write_bytes,
            event_bytes: r.contract_events_size_bytes,
            fee: fee.total,
            fee_without_rent: fee.total - fee.persistent_entry_rent - fee.temporary_entry_rent,
        });
    }

    /// Deploys `wasm` the way a wallet does (see `Chain::deploy_with`); the upload is paid
    /// once per code version and is not counted.
    pub fn create(
        &mut self,
        wasm: &[u8],
        args: std::vec::Vec<Val>,
        deployer: &Account,
        sign_constructor: bool,
    ) {
        self.chain.env.deployer().upload_contract_wasm(wasm);
        let salt = [self.costs.len() as u8; 32];
        let id = self
            .chain
            .deploy_with(wasm, args, deployer, salt, sign_constructor)
            .unwrap();
        self.record("create");
        self.contract = Some(id);
    }

    pub fn id(&self) -> Address {
        self.contract.clone().unwrap()
    }

    /// One transaction: `signer` (its source account, when given) authorises exactly
    /// `name(args)` with `subs` below it, then the call runs; a refusal fails the bench.
    pub fn call(
        &mut self,
        signer: Option<&Account>,
        name: &'static str,
        args: Vec<Val>,
        subs: std::vec::Vec<soroban_sdk::xdr::SorobanAuthorizedInvocation>,
    ) {
        let id = self.id();
        match signer {
            Some(signer) => self.chain.sign_as(signer, &id, name, args.clone(), subs),
            None => self.chain.env.set_auths(&[]),
        }
        let _: Val = self
            .chain
            .env
            .invoke_contract(&id, &Symbol::new(&self.chain.env, name), args);
        self.record(name);
    }

    /// The token transfer `from` signs below a funding call.
    pub fn transfer_in(
        &self,
        from: &Account,
        amount: i128,
    ) -> soroban_sdk::xdr::SorobanAuthorizedInvocation {
        let env = &self.chain.env;
        invocation(
            env,
            &self.chain.token,
            "transfer",
            (&from.address, &self.id(), amount).into_val(env),
            std::vec![],
        )
    }

    pub fn str(&self, s: &str) -> String {
        String::from_str(&self.chain.env, s)
    }
}

/// The scenario's texts and shares, shared by every driver.
pub const STATUS: &str = "Completed";
pub const EVIDENCE: &str = "https://example.com/work";
pub const REASON: &str = "the work was not delivered";

/// The resolver's shares: 40 % back to the funder, 60 % to the receiver.
pub fn shares(r: &Run, a: &Actors, total: i128) -> Map<Address, i128> {
    let mut shares = Map::new(&r.chain.env);
    shares.set(a.funder.address.clone(), total * 4 / 10);
    shares.set(a.receiver.address.clone(), total * 6 / 10);
    shares
}

fn config(chain: &Chain, a: &Actors, kind: EscrowKind) -> EscrowConfig {
    let env = &chain.env;
    let milestone = |d: &str, amount: i128| MilestoneConfig {
        description: String::from_str(env, d),
        amount,
        receiver: None,
    };
    let (amount, first, second) = match kind {
        EscrowKind::Single => (10 * UNIT, 0, 0),
        EscrowKind::Multi => (0, 6 * UNIT, 4 * UNIT),
    };
    EscrowConfig {
        kind,
        engagement_id: String::from_str(env, "ENG-2026-0001"),
        title: String::from_str(env, "Website redesign"),
        description: String::from_str(env, "Design and build the new marketing site"),
        token: chain.token.clone(),
        roles: Roles {
            approvers: vec![env, a.approver.address.clone()],
            approvals_required: 1,
            service_provider: a.provider.address.clone(),
            release_signers: vec![env, a.signer.address.clone()],
            releases_required: 1,
            dispute_resolver: a.resolver.address.clone(),
            platform: a.platform.address.clone(),
            receiver: a.receiver.address.clone(),
        },
        platform_fee_bps: 300,
        protocol_fee: ProtocolFee {
            recipient: a.protocol.address.clone(),
            bps: 30,
        },
        amount,
        milestones: vec![env, milestone("Design", first), milestone("Build", second)],
        deadline: None,
    }
}

/// Our escrow's calls.
mod ours {
    use super::*;

    pub fn create(r: &mut Run, a: &Actors, kind: EscrowKind) {
        let config: Val = config(&r.chain, a, kind).into_val(&r.chain.env);
        r.create(&dist_wasm(), std::vec![config], &a.platform, true);
    }

    pub fn fund(r: &mut Run, a: &Actors) {
        let env = r.chain.env.clone();
        let transfer = r.transfer_in(&a.funder, 10 * UNIT);
        r.call(
            Some(&a.funder),
            "fund",
            (&a.funder.address, 10 * UNIT, 1u32).into_val(&env),
            std::vec![transfer],
        );
    }

    pub fn status(r: &mut Run, a: &Actors, index: u32) {
        let env = r.chain.env.clone();
        let args = (index, r.str(STATUS), Some(r.str(EVIDENCE))).into_val(&env);
        r.call(Some(&a.provider), "set_milestone_status", args, std::vec![]);
        if std::env::var("BENCH_BUDGET").is_ok() {
            env.cost_estimate().budget().print();
            let _: i128 = env.invoke_contract(
                &r.id(),
                &Symbol::new(&env, "get_funding"),
                (&a.provider.address,).into_val(&env),
            );
            env.cost_estimate().budget().print();
        }
    }

    pub fn approve(r: &mut Run, a: &Actors, index: u32) {
        let env = r.chain.env.clone();
        r.call(
            Some(&a.approver),
            "approve_milestone",
            (index, &a.approver.address).into_val(&env),
            std::vec![],
        );
    }

    pub fn release(r: &mut Run, a: &Actors, index: Option<u32>) {
        let env = r.chain.env.clone();
        let signers = vec![&env, a.signer.address.clone()];
        match index {
            None => r.call(
                Some(&a.signer),
                "release",
                (&signers,).into_val(&env),
                std::vec![],
            ),
            Some(i) => r.call(
                Some(&a.signer),
                "release_milestone",
                (i, &signers).into_val(&env),
                std::vec![],
            ),
        }
    }

    pub fn dispute(r: &mut Run, a: &Actors, index: Option<u32>) {
        let env = r.chain.env.clone();
        let (by, reason) = (&a.approver.address, r.str(REASON));
        match index {
            None => r.call(
                Some(&a.approver),
                "dispute",
                (by, reason).into_val(&env),
                std::vec![],
            ),
            Some(i) => r.call(
                Some(&a.approver),
                "dispute_milestone",
                (i, by, reason).into_val(&env),
                std::vec![],
            ),
        }
    }

    pub fn resolve(r: &mut Run, a: &Actors, total: i128, index: Option<u32>) {
        let env = r.chain.env.clone();
        let shares = shares(r, a, total);
        match index {
            None => r.call(
                Some(&a.resolver),
                "resolve",
                (&shares,).into_val(&env),
                std::vec![],
            ),
            Some(i) => r.call(
                Some(&a.resolver),
                "resolve_milestone",
                (i, &shares).into_val(&env),
                std::vec![],
            ),
        }
    }
}

fn single(r: &mut Run, a: &Actors) {
    ours::create(r, a, EscrowKind::Single);
    ours::fund(r, a);
    ours::status(r, a, 0);
    ours::status(r, a, 1);
    ours::approve(r, a, 0);
    ours::approve(r, a, 1);
    ours::release(r, a, None);
}

fn single_dispute(r: &mut Run, a: &Actors) {
    ours::create(r, a, EscrowKind::Single);
    ours::fund(r, a);
    ours::dispute(r, a, None);
    ours::resolve(r, a, 10 * UNIT, None);
}

fn multi(r: &mut Run, a: &Actors) {
    ours::create(r, a, EscrowKind::Multi);
    ours::fund(r, a);
    for i in 0..2 {
        ours::status(r, a, i);
        ours::approve(r, a, i);
        ours::release(r, a, Some(i));
    }
}

fn multi_dispute(r: &mut Run, a: &Actors) {
    ours::create(r, a, EscrowKind::Multi);
    ours::fund(r, a);
    ours::dispute(r, a, Some(0));
    ours::resolve(r, a, 6 * UNIT, Some(0));
}

/// Runs `lifecycle` on a fresh chain with the test ledger's defaults and on one with
/// testnet's settings.
pub fn measure(
    lifecycle: impl Fn(&mut Run, &Actors),
) -> (std::vec::Vec<Cost>, std::vec::Vec<Cost>) {
    let (mut test_ledger, actors) = Run::new(false);
    lifecycle(&mut test_ledger, &actors);
    let (mut testnet, actors) = Run::new(true);
    lifecycle(&mut testnet, &actors);
    let max_cpu = testnet.costs.iter().map(|c| c.cpu).max().unwrap();
    // Every call well under the per-transaction CPU limit (400 M on mainnet): under 5 %.
    assert!(max_cpu < 20_000_000, "a call used {max_cpu} instructions");
    (test_ledger.costs, testnet.costs)
}

#[test]
#[ignore = "benchmark: run with npm run bench:contract"]
fn bench() {
    let lifecycles: [(&str, Lifecycle); 4] = [
        (
            "single: create, fund, 2× status, 2× approve, release",
            single,
        ),
        ("single: create, fund, dispute, resolve", single_dispute),
        (
            "multi: create, fund, per milestone status + approve + release",
            multi,
        ),
        (
            "multi: create, fund, dispute and resolve one milestone",
            multi_dispute,
        ),
    ];
    let reference = super::bench_reference::load();
    if reference.is_none() {
        println!(
            "{} is not set: the reference is not run, its figures are the ones last recorded (BENCH.md, Method)",
            super::bench_reference::WASMS_VAR
        );
    }
    let mut runs = std::vec::Vec::new();
    for (i, (name, lifecycle)) in lifecycles.into_iter().enumerate() {
        let (test_ledger, testnet) = measure(lifecycle);
        let reference = reference
            .as_ref()
            .map(|wasms| measure(|r, a| super::bench_reference::LIFECYCLES[i](r, a, wasms)));
        runs.push(super::bench_report::Measured {
            name,
            test_ledger,
            testnet,
            reference,
        });
    }
    let floor = measure(super::bench_floor::lifecycle);
    let report = super::bench_report::render(
        &runs,
        &floor,
        dist_wasm().len(),
        super::bench_floor::wasm().len(),
    );
    println!("{report}");
    std::fs::write(concat!(env!("CARGO_MANIFEST_DIR"), "/BENCH.md"), report).unwrap();
}
