//! The benchmark's report, as BENCH.md: our measured lifecycles beside the reference's
//! (measured in the same run when its wasms are given, else the figures last recorded
//! below) and beside the floor.

use std::fmt::Write as _;
use std::{format, string::String as Text, string::ToString, vec::Vec};

use super::bench::Cost;
use super::bench_reference::{MULTI_SHA256, SINGLE_SHA256, WASMS_VAR};

/// One lifecycle, measured on the test ledger's default settings and on testnet's; the
/// reference's the same way when its wasms were given.
pub struct Measured {
    pub name: &'static str,
    pub test_ledger: Vec<Cost>,
    pub testnet: Vec<Cost>,
    pub reference: Option<(Vec<Cost>, Vec<Cost>)>,
}

/// A lifecycle's totals: transactions, CPU instructions, fee without rent, total fee.
#[derive(Clone, Copy)]
struct Figures {
    txs: usize,
    cpu: i64,
    fee_without_rent: i64,
    total: i64,
}

/// The reference's figures as last measured side by side (this bench with its wasms given),
/// testnet's state-archival settings, same order as the lifecycles: printed when the wasms
/// are not given.
const RECORDED_TESTNET: [Figures; 4] = [
    Figures {
        txs: 8,
        cpu: 6_154_386,
        fee_without_rent: 110_445,
        total: 2_834_477,
    },
    Figures {
        txs: 5,
        cpu: 4_261_233,
        fee_without_rent: 86_360,
        total: 2_721_308,
    },
    Figures {
        txs: 9,
        cpu: 7_710_331,
        fee_without_rent: 146_324,
        total: 3_029_021,
    },
    Figures {
        txs: 5,
        cpu: 4_493_803,
        fee_without_rent: 88_909,
        total: 2_894_398,
    },
];

/// The same, the test ledger's defaults.
const RECORDED_TEST_LEDGER: [Figures; 4] = [
    Figures {
        txs: 8,
        cpu: 6_154_386,
        fee_without_rent: 110_445,
        total: 1_297_029,
    },
    Figures {
        txs: 5,
        cpu: 4_261_233,
        fee_without_rent: 86_360,
        total: 1_265_016,
    },
    Figures {
        txs: 9,
        cpu: 7_710_331,
        fee_without_rent: 146_324,
        total: 1_338_280,
    },
    Figures {
        txs: 5,
        cpu: 4_493_803,
        fee_without_rent: 88_909,
        total: 1_275_795,
    },
];

/// What stands between ours and the aims, as measured (BENCH_BUDGET=1 shows the host's
/// budget by cost type).
const WHAT_STANDS: &str = "What stands in the way. **CPU**: most of a call's is the host starting the VM, \
    charged per host import (about 6.5 k instructions each), per export (about 2.5 k) and per instruction of \
    the module, on every call, used or not. Our 28 imports are what the interface needs: vectors (length, \
    get, push, to and from linear memory), maps to and from linear memory (the `#[contracttype]` structs \
    of the constructor, `update` and `get_escrow`) and the distributions' keys and values, i128 and u64 \
    conversions, string length (the text limits) and a string from linear memory (the empty texts \
    `get_escrow` shows), symbols (`EscrowKind`), auth, events, storage get/put and the two TTL \
    extensions, the token call, the contract's address, the ledger's time and object comparison; the 15 \
    exports are the interface's functions. The line above gives what 0.50× would take per call. \
    **Fee without rent**: every call reads three entries (the code, the instance, `state`: about 520 \
    stroops each) and writes `state` (2,500 per entry written, plus about 0.9 per byte); each token \
    transfer writes two balance entries and emits its own event (about 5 stroops per byte; most of a \
    release's event bytes are the token's). `fund` writes `state` beside the token's two entries, where \
    the reference writes nothing of its own: it does not record who funded what, which our refunds and \
    fee-free returns need. **Total**: mostly rent, seven days for every byte an escrow creates and the \
    token's own 30 days for the escrow's balance entry, alike for every contract; ours lands at \
    below the reference because its two entries hold the same terms in fewer bytes.";

/// The aims: ours / reference, on every lifecycle, testnet settings.
const AIMS: (f64, f64, f64) = (0.50, 0.70, 0.95);

fn ratio(ours: i64, theirs: i64) -> Text {
    format!("{:.2}×", ours as f64 / theirs as f64)
}

fn thousands(n: i64) -> Text {
    let s = n.abs().to_string();
    let mut out = Text::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 {
        format!("-{out}")
    } else {
        out
    }
}

fn figures(costs: &[Cost]) -> Figures {
    let sum = |f: fn(&Cost) -> i64| costs.iter().map(f).sum();
    Figures {
        txs: costs.len(),
        cpu: sum(|c| c.cpu),
        fee_without_rent: sum(|c| c.fee_without_rent),
        total: sum(|c| c.fee),
    }
}

/// One table: per lifecycle our figures, the reference's and the ratios (marked against the
/// aims when `aims`).
fn table(out: &mut Text, rows: &[(&str, Figures, Figures)], aims: bool) {
    let mark = |ours: i64, theirs: i64, aim: f64| match aims {
        false => "",
        true if ours as f64 / theirs as f64 <= aim => " ✓",
        true => " ✗",
    };
    writeln!(out, "| lifecycle | txs (ref) | CPU | ref | ratio | fee w/o rent | ref | ratio | rent | ref | ratio | total fee | ref | ratio |").unwrap();
    writeln!(
        out,
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    )
    .unwrap();
    for (name, o, t) in rows {
        let (o_rent, t_rent) = (o.total - o.fee_without_rent, t.total - t.fee_without_rent);
        writeln!(
            out,
            "| {name} | {} ({}) | {} | {} | {}{} | {} | {} | {}{} | {} | {} | {} | {} | {} | {}{} |",
            o.txs, t.txs,
            thousands(o.cpu), thousands(t.cpu), ratio(o.cpu, t.cpu), mark(o.cpu, t.cpu, AIMS.0),
            thousands(o.fee_without_rent), thousands(t.fee_without_rent),
            ratio(o.fee_without_rent, t.fee_without_rent), mark(o.fee_without_rent, t.fee_without_rent, AIMS.1),
            thousands(o_rent), thousands(t_rent), ratio(o_rent, t_rent),
            thousands(o.total), thousands(t.total), ratio(o.total, t.total), mark(o.total, t.total, AIMS.2),
        )
        .unwrap();
    }
}

/// Every call of some lifecycles, testnet settings, with the test ledger's fee beside.
fn calls(out: &mut Text, lifecycles: &[(&str, &[Cost], &[Cost])]) {
    writeln!(out, "| lifecycle | call | CPU instructions | VM start | of which imports | memory bytes | entries read | entries written | bytes read (disk) | bytes written | event bytes | fee, testnet | fee without rent | fee, test ledger |").unwrap();
    writeln!(
        out,
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    )
    .unwrap();
    for (name, testnet, test_ledger) in lifecycles {
        for (n, t) in testnet.iter().zip(test_ledger.iter()) {
            writeln!(
                out,
                "| {name} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
                n.call,
                thousands(n.cpu),
                thousands(n.vm_start),
                thousands(n.vm_imports),
                thousands(n.mem),
                n.read_entries,
                n.write_entries,
                n.read_bytes,
                n.write_bytes,
                n.event_bytes,
                thousands(n.fee),
                thousands(n.fee_without_rent),
                thousands(t.fee)
            )
            .unwrap();
        }
    }
}

/// Where each aim lands (lowest–highest ratio over the lifecycles), and what one
/// transaction costs on average for ours, the reference and the floor: the floor's is the
/// least a call can cost (a VM start and a token movement), so it bounds how far ours can go.
fn aims(rows: &[(&str, Figures, Figures)], floor: Figures) -> Text {
    let range = |f: fn(&Figures) -> i64| {
        let ratios: Vec<f64> = rows
            .iter()
            .map(|(_, o, t)| f(o) as f64 / f(t) as f64)
            .collect();
        let (lo, hi) = ratios
            .iter()
            .fold((f64::MAX, 0f64), |(lo, hi), r| (lo.min(*r), hi.max(*r)));
        (lo, hi)
    };
    let mut out = Text::new();
    type Aim = (&'static str, fn(&Figures) -> i64, f64);
    let aims: [Aim; 3] = [
        ("CPU", |f| f.cpu, AIMS.0),
        ("fee without rent", |f| f.fee_without_rent, AIMS.1),
        ("total fee", |f| f.total, AIMS.2),
    ];
    for (name, f, aim) in aims {
        let (lo, hi) = range(f);
        let verdict = if hi <= aim {
            "met on every lifecycle"
        } else if lo <= aim {
            "met on some lifecycles"
        } else {
            "not met"
        };
        writeln!(
            out,
            "- {name}: {lo:.2}–{hi:.2}× (aim ≤ {aim:.2}×): {verdict}."
        )
        .unwrap();
    }
    let per_tx = |f: &Figures| (f.cpu / f.txs as i64, f.fee_without_rent / f.txs as i64);
    let (mut ours, mut theirs) = ((0i64, 0i64, 0usize), (0i64, 0i64, 0usize));
    for (_, o, t) in rows {
        ours = (ours.0 + o.cpu, ours.1 + o.fee_without_rent, ours.2 + o.txs);
        theirs = (
            theirs.0 + t.cpu,
            theirs.1 + t.fee_without_rent,
            theirs.2 + t.txs,
        );
    }
    let (floor_cpu, floor_fee) = per_tx(&floor);
    let (_, o, t) = rows[0];
    let cut = (o.cpu - (t.cpu as f64 * AIMS.0) as i64) / o.txs as i64;
    writeln!(
        out,
        "- For CPU ≤ {:.2}× on the first lifecycle, each of our calls would have to cost {} instructions less: \
         the price of about {} host imports.",
        AIMS.0, thousands(cut), cut / 6_500,
    )
    .unwrap();
    writeln!(
        out,
        "- Per transaction, over the four lifecycles: ours {} instructions and {} stroops without rent, the \
         reference {} and {}, the floor {} and {}.",
        thousands(ours.0 / ours.2 as i64), thousands(ours.1 / ours.2 as i64),
        thousands(theirs.0 / theirs.2 as i64), thousands(theirs.1 / theirs.2 as i64),
        thousands(floor_cpu), thousands(floor_fee),
    )
    .unwrap();
    out
}

/// What share of the CPU went to starting VMs (and to their host imports), over every call
/// of `costs`.
fn vm_share<'a>(costs: impl Iterator<Item = &'a Cost>) -> Text {
    let (mut cpu, mut start, mut imports) = (0i64, 0i64, 0i64);
    for c in costs {
        (cpu, start, imports) = (cpu + c.cpu, start + c.vm_start, imports + c.vm_imports);
    }
    format!(
        "{:.0} % (host imports {:.0} %)",
        100.0 * start as f64 / cpu as f64,
        100.0 * imports as f64 / cpu as f64
    )
}

/// BENCH.md. `floor` is the floor's lifecycle (test ledger, testnet).
pub fn render(
    runs: &[Measured],
    floor: &(Vec<Cost>, Vec<Cost>),
    wasm_size: usize,
    floor_size: usize,
) -> Text {
    let measured = runs.iter().all(|r| r.reference.is_some());
    let theirs = |i: usize, testnet: bool| match (&runs[i].reference, testnet) {
        (Some((_, t)), true) => figures(t),
        (Some((t, _)), false) => figures(t),
        (None, true) => RECORDED_TESTNET[i],
        (None, false) => RECORDED_TEST_LEDGER[i],
    };
    let mut testnet = Text::new();
    let rows: Vec<_> = runs
        .iter()
        .enumerate()
        .map(|(i, r)| (r.name, figures(&r.testnet), theirs(i, true)))
        .collect();
    table(&mut testnet, &rows, true);
    let mut landing = aims(&rows, figures(&floor.1));
    let theirs_vm = match measured {
        true => format!(
            ", the reference's {}",
            vm_share(
                runs.iter()
                    .flat_map(|r| r.reference.as_ref().unwrap().1.iter())
            )
        ),
        false => Text::new(),
    };
    writeln!(
        landing,
        "- Starting the VM, testnet settings: {} of our lifecycles' CPU{theirs_vm}, the floor's {}.",
        vm_share(runs.iter().flat_map(|r| r.testnet.iter())),
        vm_share(floor.1.iter()),
    )
    .unwrap();
    let mut test_ledger = Text::new();
    let rows: Vec<_> = runs
        .iter()
        .enumerate()
        .map(|(i, r)| (r.name, figures(&r.test_ledger), theirs(i, false)))
        .collect();
    table(&mut test_ledger, &rows, false);

    let mut floor_table = Text::new();
    writeln!(
        floor_table,
        "| floor: constructor, fund, release | txs | CPU | fee w/o rent | rent | total fee |"
    )
    .unwrap();
    writeln!(floor_table, "|---|---:|---:|---:|---:|---:|").unwrap();
    for (label, costs) in [("testnet settings", &floor.1), ("test ledger", &floor.0)] {
        let f = figures(costs);
        writeln!(
            floor_table,
            "| {label} | {} | {} | {} | {} | {} |",
            f.txs,
            thousands(f.cpu),
            thousands(f.fee_without_rent),
            thousands(f.total - f.fee_without_rent),
            thousands(f.total)
        )
        .unwrap();
    }

    let short = |name: &'static str| name.split(':').next().unwrap();
    let mut ours_calls = Text::new();
    let lifecycles: Vec<_> = runs
        .iter()
        .map(|r| {
            (
                short(r.name),
                r.testnet.as_slice(),
                r.test_ledger.as_slice(),
            )
        })
        .collect();
    calls(&mut ours_calls, &lifecycles);
    let mut their_calls = Text::new();
    if measured {
        let lifecycles: Vec<_> = runs
            .iter()
            .map(|r| {
                r.reference
                    .as_ref()
                    .map(|(l, n)| (short(r.name), n.as_slice(), l.as_slice()))
                    .unwrap()
            })
            .collect();
        calls(&mut their_calls, &lifecycles);
    }
    let mut floor_calls = Text::new();
    calls(&mut floor_calls, &[("floor", &floor.1, &floor.0)]);

    let reference = if measured {
        format!(
            "The reference was measured in this run, beside ours, from the wasms that `{WASMS_VAR}` named \
             (sha256 checked against the pinned ones)."
        )
    } else {
        format!(
            "`{WASMS_VAR}` was not set, so the reference was not run here: its figures below are the ones \
             last measured side by side by this bench (recorded in src/test/bench_report.rs); set it to a \
             directory with `single-release.wasm` and `multi-release.wasm` built as above to measure both \
             afresh."
        )
    };
    format!(
        "# Escrow contract: on-chain cost\n\n\
         Generated by `npm run bench:contract` (src/test/bench.rs, bench_reference.rs, bench_floor.rs, \
         bench_report.rs) from `dist/escrow.wasm` ({wasm_size} bytes, 64 KiB limit: {}).\n\n\
         ## Method\n\n\
         One process, one host (soroban-sdk 27.0.6 testutils, soroban-env-host 27.0.1, ledger protocol 27), every \
         contract loaded from its wasm. Every actor is a classic G-account holding an authorised \
         trustline to a real Stellar Asset Contract; every call is a real `CreateContractV2` or `InvokeContract` \
         host function whose signer is the transaction's source account, with an explicit source-account \
         authorization entry (no nonce entries). `env.cost_estimate()` is read right after each call (\"VM start\" is the CPU its budget charged \
         under the `Vm*`, `Parse*` and `Instantiate*` cost types); the wasm \
         upload and the set-up (minting) are not counted. Fees are soroban-sdk 27.0.6's fee model (its mainnet \
         fee snapshot), without transaction-size and inclusion fees. The scenario: 100,000,000 base units (10 \
         tokens of 7 decimals), 2 milestones (multi: 60 M and 40 M), 3 % platform fee, 0.3 % protocol fee; status \
         \"Completed\" with an evidence URL; the approver disputes; the resolver pays 40 % to the funder (here a \
         fee-free refund) and 60 % to the receiver (multi: of milestone 0). Two ledger settings: testnet's \
         state archival (a new persistent entry lives 120,960 ledgers, 7 days; temporary 720; at most \
         3,110,400) — what a user pays, and where totals compare — and the SDK's default test ledger (new \
         entries 4,096 ledgers).\n\n\
         The reference is Trustless Work's escrow (`Trustless-Work/Trustless-Work-Smart-Escrow`), driven through \
         its own interface over the same scenario (src/test/bench_reference.rs): the single release wasm from \
         `develop` at `e9d22ce4` (sha256 `{SINGLE_SHA256}`) and the multi release wasm from \
         `multi-release-develop` at `e30bb350` (sha256 `{MULTI_SHA256}`), each built from its own lock file and \
         release profile (`cargo build --locked --release --target wasm32v1-none`, Debian's rustc 1.96 with \
         `-Zbuild-std=core,alloc`), without wasm-opt. Its code is not ours, so nothing here builds or fetches \
         it. {reference} The reference takes one more transaction per lifecycle (its separate initialisation).\n\n\
         ## Per lifecycle, testnet settings (aims: CPU ≤ {:.2}×, fee without rent ≤ {:.2}×, total ≤ {:.2}× the reference)\n\n{testnet}\n\
         ## Where the aims land\n\n{landing}\n{WHAT_STANDS}\n\n\
         ## The floor, measured\n\n\
         A minimal escrow of our own (contracts/floor: constructor(token, receiver); `fund` = one transfer in; \
         `release` = balance + one transfer out; no roles, no checks, no events), built like ours \
         ({floor_size} bytes): no escrow can cost less than its token movements and three VM starts.\n\n{floor_table}\n\
         Of every escrow's rent, about 1.12 M stroops is the token's own 30-day rent for the escrow's new \
         balance entry, alike for all contracts.\n\n\
         ## Per lifecycle, the test ledger's defaults\n\n\
         Here the reference's entries are given under six hours of rent and ours seven days (this escrow \
         extends what it creates to `TTL_EXTEND_TO`), so only CPU and the fee without rent compare.\n\n{test_ledger}\n\
         ## Per call, ours\n\n{ours_calls}\n{}## Per call, the floor\n\n{floor_calls}",
        if wasm_size < 64 * 1024 { "ok" } else { "EXCEEDED" },
        AIMS.0, AIMS.1, AIMS.2,
        if measured { format!("## Per call, the reference\n\n{their_calls}\n") } else { Text::new() },
    )
}
