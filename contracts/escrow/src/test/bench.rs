//! `npm run bench:contract`: the on-chain cost of each call of the escrow's lifecycles,
//! measured with the method BENCH.md describes, beside the reference contracts' recorded
//! figures (bench_report.rs). Writes the tables to BENCH.md as well.
//!
//! Run: cargo test --release -p escrow bench -- --ignored --nocapture
//! (BENCH_FEES=1 prints each call's fee breakdown and resources; BENCH_BUDGET=1 the host's
//! CPU budget by cost type for a status call and for a bare read, to see where CPU goes.)

use std::println;

use soroban_sdk::{vec, Address, IntoVal, Map, String};

use super::chain::{dist_wasm, invocation, Account, Chain};
use super::setup::UNIT;
use crate::{EscrowConfig, EscrowContractClient, EscrowKind, MilestoneConfig, ProtocolFee, Roles};

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
}

struct Run<'a> {
    chain: Chain,
    costs: std::vec::Vec<Cost>,
    escrow: Option<EscrowContractClient<'a>>,
    wasm: std::vec::Vec<u8>,
}

struct Actors {
    platform: Account,
    funder: Account,
    approver: Account,
    provider: Account,
    signer: Account,
    resolver: Account,
    receiver: Account,
    protocol: Account,
}

impl<'a> Run<'a> {
    /// `network`: the ledger's state-archival settings are testnet's and mainnet's (see
    /// `Chain::with_network_ttls`) rather than the test ledger's defaults.
    fn new(network: bool) -> (Run<'a>, Actors) {
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
        let wasm = dist_wasm();
        // The upload is paid once per code version: counted apart.
        chain.env.deployer().upload_contract_wasm(wasm.as_slice());
        (Run { chain, costs: std::vec::Vec::new(), escrow: None, wasm }, actors)
    }

    fn record(&mut self, call: &'static str) {
        let estimate = self.chain.env.cost_estimate();
        let r = estimate.resources();
        let fee = estimate.fee();
        if std::env::var("BENCH_FEES").is_ok() {
            println!("{call}: {fee:?}\n   {r:?}");
        }
        self.costs.push(Cost {
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

    /// Deploys the escrow the way a wallet does (see `Chain::deploy`).
    fn create(&mut self, config: EscrowConfig, platform: &Account) {
        let salt = [self.costs.len() as u8; 32];
        let id = self.chain.deploy(&self.wasm, config, platform, salt, true).unwrap();
        self.record("create");
        self.escrow = Some(EscrowContractClient::new(&self.chain.env, &id));
    }

    fn escrow(&self) -> &EscrowContractClient<'a> {
        self.escrow.as_ref().unwrap()
    }

    fn id(&self) -> Address {
        self.escrow().address.clone()
    }

    fn fund(&mut self, funder: &Account, amount: i128) {
        let env = self.chain.env.clone();
        let id = self.id();
        let transfer = invocation(&env, &self.chain.token, "transfer", (&funder.address, &id, amount).into_val(&env), std::vec![]);
        self.chain.sign_as(funder, &id, "fund", (&funder.address, amount, 1u32).into_val(&env), std::vec![transfer]);
        self.escrow().fund(&funder.address, &amount, &1);
        self.record("fund");
    }

    fn status(&mut self, provider: &Account, index: u32) {
        let env = self.chain.env.clone();
        let status = String::from_str(&env, "Completed");
        let evidence = Some(String::from_str(&env, "https://example.com/work"));
        self.chain.sign_as(provider, &self.id(), "set_milestone_status", (index, &status, &evidence).into_val(&env), std::vec![]);
        self.escrow().set_milestone_status(&index, &status, &evidence);
        self.record("set_milestone_status");
        if std::env::var("BENCH_BUDGET").is_ok() {
            self.chain.env.cost_estimate().budget().print();
            self.escrow().get_funding(&provider.address);
            self.chain.env.cost_estimate().budget().print();
        }
    }

    fn approve(&mut self, approver: &Account, index: u32) {
        let env = self.chain.env.clone();
        self.chain.sign_as(approver, &self.id(), "approve_milestone", (index, &approver.address).into_val(&env), std::vec![]);
        self.escrow().approve_milestone(&index, &approver.address);
        self.record("approve_milestone");
    }

    fn release(&mut self, signer: &Account, index: Option<u32>) {
        let env = self.chain.env.clone();
        let signers = vec![&env, signer.address.clone()];
        match index {
            None => {
                self.chain.sign_as(signer, &self.id(), "release", (&signers,).into_val(&env), std::vec![]);
                self.escrow().release(&signers);
                self.record("release");
            }
            Some(i) => {
                self.chain.sign_as(signer, &self.id(), "release_milestone", (i, &signers).into_val(&env), std::vec![]);
                self.escrow().release_milestone(&i, &signers);
                self.record("release_milestone");
            }
        }
    }

    fn dispute(&mut self, by: &Account, index: Option<u32>) {
        let env = self.chain.env.clone();
        let reason = String::from_str(&env, "the work was not delivered");
        match index {
            None => {
                self.chain.sign_as(by, &self.id(), "dispute", (&by.address, &reason).into_val(&env), std::vec![]);
                self.escrow().dispute(&by.address, &reason);
                self.record("dispute");
            }
            Some(i) => {
                self.chain.sign_as(by, &self.id(), "dispute_milestone", (i, &by.address, &reason).into_val(&env), std::vec![]);
                self.escrow().dispute_milestone(&i, &by.address, &reason);
                self.record("dispute_milestone");
            }
        }
    }

    /// 40 % back to the funder, 60 % to the receiver.
    fn resolve(&mut self, resolver: &Account, a: &Account, b: &Account, total: i128, index: Option<u32>) {
        let env = self.chain.env.clone();
        let mut shares = Map::new(&env);
        shares.set(a.address.clone(), total * 4 / 10);
        shares.set(b.address.clone(), total * 6 / 10);
        match index {
            None => {
                self.chain.sign_as(resolver, &self.id(), "resolve", (&shares,).into_val(&env), std::vec![]);
                self.escrow().resolve(&shares);
                self.record("resolve");
            }
            Some(i) => {
                self.chain.sign_as(resolver, &self.id(), "resolve_milestone", (i, &shares).into_val(&env), std::vec![]);
                self.escrow().resolve_milestone(&i, &shares);
                self.record("resolve_milestone");
            }
        }
    }
}

fn config(chain: &Chain, a: &Actors, kind: EscrowKind) -> EscrowConfig {
    let env = &chain.env;
    let milestone = |d: &str, amount: i128| MilestoneConfig { description: String::from_str(env, d), amount, receiver: None };
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
        protocol_fee: ProtocolFee { recipient: a.protocol.address.clone(), bps: 30 },
        amount,
        milestones: vec![env, milestone("Design", first), milestone("Build", second)],
        deadline: None,
    }
}

fn single(a_run: &mut Run, a: &Actors) {
    a_run.create(config(&a_run.chain, a, EscrowKind::Single), &a.platform);
    a_run.fund(&a.funder, 10 * UNIT);
    a_run.status(&a.provider, 0);
    a_run.status(&a.provider, 1);
    a_run.approve(&a.approver, 0);
    a_run.approve(&a.approver, 1);
    a_run.release(&a.signer, None);
}

fn single_dispute(r: &mut Run, a: &Actors) {
    r.create(config(&r.chain, a, EscrowKind::Single), &a.platform);
    r.fund(&a.funder, 10 * UNIT);
    r.dispute(&a.approver, None);
    r.resolve(&a.resolver, &a.funder, &a.receiver, 10 * UNIT, None);
}

fn multi(r: &mut Run, a: &Actors) {
    r.create(config(&r.chain, a, EscrowKind::Multi), &a.platform);
    r.fund(&a.funder, 10 * UNIT);
    for i in 0..2 {
        r.status(&a.provider, i);
        r.approve(&a.approver, i);
        r.release(&a.signer, Some(i));
    }
}

fn multi_dispute(r: &mut Run, a: &Actors) {
    r.create(config(&r.chain, a, EscrowKind::Multi), &a.platform);
    r.fund(&a.funder, 10 * UNIT);
    r.dispute(&a.approver, Some(0));
    r.resolve(&a.resolver, &a.funder, &a.receiver, 6 * UNIT, Some(0));
}

#[test]
#[ignore = "benchmark: run with npm run bench:contract"]
fn bench() {
    type Lifecycle = fn(&mut Run, &Actors);
    let lifecycles: [(&str, Lifecycle); 4] = [
        ("single: create, fund, 2× status, 2× approve, release", single),
        ("single: create, fund, dispute, resolve", single_dispute),
        ("multi: create, fund, per milestone status + approve + release", multi),
        ("multi: create, fund, dispute and resolve one milestone", multi_dispute),
    ];
    let mut runs = std::vec::Vec::new();
    for (name, lifecycle) in lifecycles {
        let (mut test_ledger, actors) = Run::new(false);
        lifecycle(&mut test_ledger, &actors);
        let (mut testnet, actors) = Run::new(true);
        lifecycle(&mut testnet, &actors);
        let max_cpu = testnet.costs.iter().map(|c| c.cpu).max().unwrap();
        // Every call well under the per-transaction CPU limit (400 M on mainnet): under 5 %.
        assert!(max_cpu < 20_000_000, "a call used {max_cpu} instructions");
        runs.push(super::bench_report::Measured { name, test_ledger: test_ledger.costs, testnet: testnet.costs });
    }
    let report = super::bench_report::render(&runs, dist_wasm().len());
    println!("{report}");
    std::fs::write(concat!(env!("CARGO_MANIFEST_DIR"), "/BENCH.md"), report).unwrap();
}
