//! The benchmark's report: our measured lifecycles beside the reference contracts' recorded
//! figures, as BENCH.md. The reference (Trustless Work's single- and multi-release escrows)
//! is not built or run here: its figures were measured once, side by side with ours in one
//! process and host, by the method BENCH.md describes, and are recorded below.

use std::fmt::Write as _;
use std::{format, string::String as Text, string::ToString, vec::Vec};

use super::bench::Cost;

/// One lifecycle, measured on the test ledger's default settings and on testnet's.
pub struct Measured {
    pub name: &'static str,
    pub test_ledger: Vec<Cost>,
    pub testnet: Vec<Cost>,
}

/// A lifecycle's recorded figures: transactions, CPU instructions, fee without rent, total fee.
#[derive(Clone, Copy)]
struct Figures {
    txs: usize,
    cpu: i64,
    fee_without_rent: i64,
    total: i64,
}

/// The reference's figures under testnet's state-archival settings, same order as the lifecycles.
const REFERENCE_TESTNET: [Figures; 4] = [
    Figures { txs: 8, cpu: 6_281_295, fee_without_rent: 111_262, total: 2_858_628 },
    Figures { txs: 5, cpu: 4_372_438, fee_without_rent: 87_056, total: 2_764_004 },
    Figures { txs: 9, cpu: 7_849_062, fee_without_rent: 147_218, total: 3_053_249 },
    Figures { txs: 5, cpu: 4_607_502, fee_without_rent: 89_560, total: 2_925_173 },
];

/// The reference's figures under the test ledger's defaults (its entries then get under six
/// hours of rent, ours seven days: only CPU and the fee without rent compare there).
const REFERENCE_TEST_LEDGER: [Figures; 4] = [
    Figures { txs: 8, cpu: 6_126_882, fee_without_rent: 111_154, total: 1_298_528 },
    Figures { txs: 5, cpu: 4_306_803, fee_without_rent: 87_010, total: 1_267_088 },
    Figures { txs: 9, cpu: 7_685_194, fee_without_rent: 147_105, total: 1_339_851 },
    Figures { txs: 5, cpu: 4_539_069, fee_without_rent: 89_513, total: 1_274_963 },
];

/// The floor, testnet settings: a minimal escrow (constructor(token, receiver); fund = one
/// transfer in; release = balance + one transfer out), built like our wasm.
const FLOOR_TESTNET: Figures = Figures { txs: 3, cpu: 992_049, fee_without_rent: 28_960, total: 1_415_376 };

/// The aims: ours / reference, on every lifecycle, testnet settings.
const AIMS: (f64, f64, f64) = (0.50, 0.70, 0.95);

fn ratio(ours: i64, theirs: i64) -> Text {
    format!("{:.2}×", ours as f64 / theirs as f64)
}

fn thousands(n: i64) -> Text {
    let s = n.abs().to_string();
    let mut out = Text::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

fn sum(costs: &[Cost], f: impl Fn(&Cost) -> i64) -> i64 {
    costs.iter().map(f).sum()
}

fn figures(costs: &[Cost]) -> Figures {
    Figures {
        txs: costs.len(),
        cpu: sum(costs, |c| c.cpu),
        fee_without_rent: sum(costs, |c| c.fee_without_rent),
        total: sum(costs, |c| c.fee),
    }
}

/// One table: per lifecycle our figures, the reference's and the ratios.
fn table(out: &mut Text, rows: &[(&str, Figures, Figures)], aims: bool) {
    let mark = |r: f64, aim: f64| if !aims { "" } else if r <= aim { " ✓" } else { " ✗" };
    writeln!(out, "| lifecycle | txs (ref) | CPU | ref | ratio | fee w/o rent | ref | ratio | rent | total fee | ref | ratio |").unwrap();
    writeln!(out, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|").unwrap();
    for (name, ours, theirs) in rows {
        let (c, f, t) = (
            ours.cpu as f64 / theirs.cpu as f64,
            ours.fee_without_rent as f64 / theirs.fee_without_rent as f64,
            ours.total as f64 / theirs.total as f64,
        );
        writeln!(
            out,
            "| {name} | {} ({}) | {} | {} | {}{} | {} | {} | {}{} | {} | {} | {} | {}{} |",
            ours.txs, theirs.txs,
            thousands(ours.cpu), thousands(theirs.cpu), ratio(ours.cpu, theirs.cpu), mark(c, AIMS.0),
            thousands(ours.fee_without_rent), thousands(theirs.fee_without_rent),
            ratio(ours.fee_without_rent, theirs.fee_without_rent), mark(f, AIMS.1),
            thousands(ours.total - ours.fee_without_rent), thousands(ours.total), thousands(theirs.total),
            ratio(ours.total, theirs.total), mark(t, AIMS.2),
        )
        .unwrap();
    }
}

/// BENCH.md.
pub fn render(runs: &[Measured], wasm_size: usize) -> Text {
    let mut testnet = Text::new();
    let rows: Vec<_> = runs.iter().zip(REFERENCE_TESTNET).map(|(r, theirs)| (r.name, figures(&r.testnet), theirs)).collect();
    table(&mut testnet, &rows, true);
    let mut test_ledger = Text::new();
    let rows: Vec<_> = runs.iter().zip(REFERENCE_TEST_LEDGER).map(|(r, theirs)| (r.name, figures(&r.test_ledger), theirs)).collect();
    table(&mut test_ledger, &rows, false);

    let f = FLOOR_TESTNET;
    let floor = format!(
        "| floor: constructor, fund, release | {} | {} | {} | {} |\n",
        f.txs, thousands(f.cpu), thousands(f.fee_without_rent), thousands(f.total)
    );
    let mut calls = Text::new();
    writeln!(calls, "| lifecycle | call | CPU instructions | memory bytes | entries read | entries written | bytes read (disk) | bytes written | event bytes | fee, testnet | fee without rent | fee, test ledger |").unwrap();
    writeln!(calls, "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|").unwrap();
    for r in runs {
        for (n, t) in r.testnet.iter().zip(&r.test_ledger) {
            writeln!(
                calls,
                "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
                r.name.split(':').next().unwrap(), n.call, thousands(n.cpu), thousands(n.mem), n.read_entries,
                n.write_entries, n.read_bytes, n.write_bytes, n.event_bytes, thousands(n.fee),
                thousands(n.fee_without_rent), thousands(t.fee)
            )
            .unwrap();
        }
    }

    format!(
        "# Escrow contract: on-chain cost\n\n\
         Generated by `npm run bench:contract` (src/test/bench.rs, src/test/bench_report.rs) from \
         `dist/escrow.wasm` ({wasm_size} bytes, 64 KiB limit: {}).\n\n\
         ## Method\n\n\
         One process, one host (soroban-sdk 27.0.6 testutils, soroban-env-host 27.0.1, ledger protocol 27), the \
         contract loaded from its optimised wasm. Every actor is a classic G-account holding an authorised \
         trustline to a real Stellar Asset Contract; every call is a real `CreateContractV2` or `InvokeContract` \
         host function whose signer is the transaction's source account, with an explicit source-account \
         authorization entry (no nonce entries). `env.cost_estimate()` is read right after each call; the wasm \
         upload and the set-up (minting) are not counted. Fees are soroban-sdk 27.0.6's fee model (its mainnet \
         fee snapshot), without transaction-size and inclusion fees. The scenario: 100,000,000 base units (10 \
         tokens of 7 decimals), 2 milestones (multi: 60 M and 40 M), 3 % platform fee, 0.3 % protocol fee; status \
         \"Completed\" with an evidence URL; the approver disputes; the resolver pays 40 % to the funder (here a \
         fee-free refund) and 60 % to the receiver (multi: of milestone 0). Two ledger settings: testnet's \
         state archival (a new persistent entry lives 120,960 ledgers, 7 days; temporary 720; at most \
         3,110,400) — what a user pays, and where totals compare — and the SDK's default test ledger (new \
         entries 4,096 ledgers).\n\n\
         The reference is Trustless Work's escrow (`Trustless-Work/Trustless-Work-Smart-Escrow`): the single \
         release wasm from `develop` at `e9d22ce4` (sha256 `ff8789d5…09876`) and the multi release wasm from \
         `multi-release-develop` at `e30bb350` (sha256 `62610fac…3e963`), each built from its own lock file and \
         release profile without wasm-opt. Its code is not ours, so no script here builds or fetches it: its \
         figures below were measured once, side by side with our v1 wasm in one run of the method above (two \
         runs gave byte-identical output), and are recorded in src/test/bench_report.rs; this bench measures our \
         side afresh and divides. The reference takes one more transaction per lifecycle (its separate \
         initialisation).\n\n\
         ## Per lifecycle, testnet settings (aims: CPU ≤ {:.2}×, fee without rent ≤ {:.2}×, total ≤ {:.2}× the reference)\n\n{testnet}\n\
         The floor, same settings (recorded; a minimal escrow built like ours: 1,257 bytes, 10 imports, 4 \
         exports): no escrow can cost less than its token movements and three VM starts.\n\n\
         | floor | txs | CPU | fee w/o rent | total fee |\n|---|---:|---:|---:|---:|\n{floor}\n\
         Of every escrow's rent, about 1.12 M stroops is the token's own 30-day rent for the escrow's new \
         balance entry, alike for all contracts.\n\n\
         ## Per lifecycle, the test ledger's defaults\n\n\
         Here the reference's entries are given under six hours of rent and ours seven days (this escrow \
         extends what it creates to `TTL_EXTEND_TO`), so only CPU and the fee without rent compare.\n\n{test_ledger}\n\
         ## Per call\n\n{calls}",
        if wasm_size < 64 * 1024 { "ok" } else { "EXCEEDED" },
        AIMS.0, AIMS.1, AIMS.2,
    )
}
