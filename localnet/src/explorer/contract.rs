//! `/explorer/contract/<C…>`: the executable (Wasm hash or Stellar Asset Contract), the
//! interface read from the Wasm's contract spec, instance storage, and recent events.
//! Spec names and docs are the deployer's text: escaped like everything else.

use super::display::{scval, spec_type};
use super::tx::events_table;
use super::{esc, link, table, Page};
use crate::api::{parse_contract, rfc3339};
use crate::backend::state::key_bytes;
use crate::backend::Chain;
use soroban_env_host::xdr::{
    ContractDataDurability, ContractEvent, ContractExecutable, ContractId, Hash, LedgerEntryData,
    LedgerKey, LedgerKeyContractCode, LedgerKeyContractData, Limited, Limits, ReadXdr, ScAddress,
    ScMetaEntry, ScSpecEntry, ScSpecUdtUnionCaseV0, ScVal,
};

const RECENT_EVENTS: u32 = 25;

pub fn contract_page(c: &Chain, id: &str) -> Page {
    let Some(contract) = parse_contract(id) else {
        return Page::problem(
            400,
            "A contract address is a C… StrKey (56 characters, valid checksum).",
        );
    };
    let key = LedgerKey::ContractData(LedgerKeyContractData {
        contract: ScAddress::Contract(ContractId(Hash(contract))),
        key: ScVal::LedgerKeyContractInstance,
        durability: ContractDataDurability::Persistent,
    });
    let Some(stored) = c.state.lookup(&key_bytes(&key)) else {
        return Page::problem(404, &format!("No contract {id} on this network."));
    };
    let LedgerEntryData::ContractData(data) = &stored.entry.data else {
        return Page::problem(500, "the instance is not contract data");
    };
    let ScVal::ContractInstance(instance) = &data.val else {
        return Page::problem(500, "the instance entry holds no instance");
    };
    let live = stored.live_until.map(|l| {
        let state = if l < c.latest.seq {
            "archived: needs a restore"
        } else {
            "live"
        };
        format!("{l} ({state})")
    });
    let mut rows = vec![("Instance live until ledger", esc(&live.unwrap_or_default()))];
    let mut interface = String::new();
    match &instance.executable {
        ContractExecutable::StellarAsset => rows.push((
            "Executable",
            "Stellar Asset Contract (built into the host)".into(),
        )),
        ContractExecutable::Wasm(hash) => {
            rows.push(("Wasm hash", format!("<code>{}</code>", hex::encode(hash.0))));
            let code_key = LedgerKey::ContractCode(LedgerKeyContractCode { hash: hash.clone() });
            match c.state.lookup(&key_bytes(&code_key)).map(|s| s.entry.data) {
                Some(LedgerEntryData::ContractCode(code)) => {
                    rows.push(("Wasm size", format!("{} bytes", code.code.len())));
                    for (k, v) in wasm_meta(code.code.as_slice()) {
                        rows.push(("Built with", esc(&format!("{k} = {v}"))));
                    }
                    interface = spec_html(&wasm_spec(code.code.as_slice()));
                }
                _ => rows.push((
                    "Wasm",
                    "not on this network (the code entry is missing)".into(),
                )),
            }
        }
        other => rows.push(("Executable", esc(&format!("{other:?}")))),
    }
    let mut body = table(&rows);
    if !interface.is_empty() {
        body.push_str("<h2>Interface</h2>");
        body.push_str(&interface);
    }
    body.push_str("<h2>Instance storage</h2>");
    let storage = instance
        .storage
        .as_ref()
        .map(|m| m.as_slice())
        .unwrap_or_default();
    if storage.is_empty() {
        body.push_str("<p>Empty.</p>");
    } else {
        let entries: Vec<(String, String)> = storage
            .iter()
            .map(|e| {
                (
                    scval(&e.key),
                    format!("<code>{}</code>", esc(&scval(&e.val))),
                )
            })
            .collect();
        body.push_str(&table(
            &entries
                .iter()
                .map(|(k, v)| (k.as_str(), v.clone()))
                .collect::<Vec<_>>(),
        ));
    }
    body.push_str("<h2>Recent events</h2>");
    let rows = c
        .store
        .contract_events(&contract, RECENT_EVENTS)
        .unwrap_or_default();
    let decoded: Vec<(String, ContractEvent)> = rows
        .iter()
        .filter_map(|r| {
            let e = ContractEvent::from_xdr(&r.xdr, Limits::none()).ok()?;
            Some((
                format!(
                    "{} · ledger {} · {}",
                    link("tx", &hex::encode(r.tx_hash)),
                    r.ledger,
                    esc(&rfc3339(r.close_time))
                ),
                e,
            ))
        })
        .collect();
    body.push_str(&events_table(decoded.iter().map(|(w, e)| (w.as_str(), e))));
    Page::ok(format!("Contract {id}"), body)
}

/// The contract spec (`contractspecv0` custom sections) of a Wasm module; a module
/// without one, or a broken one, gives what could be read.
pub fn wasm_spec(wasm: &[u8]) -> Vec<ScSpecEntry> {
    let mut out = vec![];
    for section in custom_sections(wasm, "contractspecv0") {
        let mut r = Limited::new(
            std::io::Cursor::new(section),
            Limits {
                depth: 100,
                len: section.len(),
            },
        );
        out.extend(ScSpecEntry::read_xdr_iter(&mut r).map_while(Result::ok));
    }
    out
}

/// `contractmetav0` key/value pairs (compiler and SDK versions, mostly).
fn wasm_meta(wasm: &[u8]) -> Vec<(String, String)> {
    let mut out = vec![];
    for section in custom_sections(wasm, "contractmetav0") {
        let mut r = Limited::new(
            std::io::Cursor::new(section),
            Limits {
                depth: 10,
                len: section.len(),
            },
        );
        for ScMetaEntry::ScMetaV0(m) in ScMetaEntry::read_xdr_iter(&mut r).map_while(Result::ok) {
            out.push((m.key.to_utf8_string_lossy(), m.val.to_utf8_string_lossy()));
        }
    }
    out
}

/// The payloads of the custom sections called `name`, read with every length checked.
fn custom_sections<'a>(wasm: &'a [u8], name: &str) -> Vec<&'a [u8]> {
    let mut out = vec![];
    if wasm.len() < 8 || &wasm[..4] != b"\0asm" {
        return out;
    }
    let mut pos = 8;
    while pos < wasm.len() {
        let id = wasm[pos];
        let Some((size, n)) = leb128(&wasm[pos + 1..]) else {
            break;
        };
        let start = pos + 1 + n;
        let Some(end) = start.checked_add(size).filter(|e| *e <= wasm.len()) else {
            break;
        };
        if id == 0 {
            if let Some((len, m)) = leb128(&wasm[start..end]) {
                let name_end = start + m + len;
                if name_end <= end && &wasm[start + m..name_end] == name.as_bytes() {
                    out.push(&wasm[name_end..end]);
                }
            }
        }
        pos = end;
    }
    out
}

fn leb128(b: &[u8]) -> Option<(usize, usize)> {
    let mut v: u64 = 0;
    for (i, byte) in b.iter().enumerate().take(5) {
        v |= u64::from(byte & 0x7f) << (7 * i);
        if byte & 0x80 == 0 {
            return Some((v as usize, i + 1));
        }
    }
    None
}

/// The interface as Rust-like declarations, each with its doc comment.
fn spec_html(spec: &[ScSpecEntry]) -> String {
    let mut out = String::from("<pre>");
    for entry in spec {
        let (doc, decl) = match entry {
            ScSpecEntry::FunctionV0(f) => {
                let inputs: Vec<String> = f
                    .inputs
                    .iter()
                    .map(|i| format!("{}: {}", i.name.to_utf8_string_lossy(), spec_type(&i.type_)))
                    .collect();
                let output = f
                    .outputs
                    .first()
                    .map(|o| format!(" -> {}", spec_type(o)))
                    .unwrap_or_default();
                (
                    &f.doc,
                    format!(
                        "fn {}({}){output}",
                        f.name.to_utf8_string_lossy(),
                        inputs.join(", ")
                    ),
                )
            }
            ScSpecEntry::UdtStructV0(s) => {
                let fields: Vec<String> = s
                    .fields
                    .iter()
                    .map(|f| format!("{}: {}", f.name.to_utf8_string_lossy(), spec_type(&f.type_)))
                    .collect();
                (
                    &s.doc,
                    format!(
                        "struct {} {{ {} }}",
                        s.name.to_utf8_string_lossy(),
                        fields.join(", ")
                    ),
                )
            }
            ScSpecEntry::UdtUnionV0(u) => {
                let cases: Vec<String> = u
                    .cases
                    .iter()
                    .map(|c| match c {
                        ScSpecUdtUnionCaseV0::VoidV0(v) => v.name.to_utf8_string_lossy(),
                        ScSpecUdtUnionCaseV0::TupleV0(t) => format!(
                            "{}({})",
                            t.name.to_utf8_string_lossy(),
                            t.type_.iter().map(spec_type).collect::<Vec<_>>().join(", ")
                        ),
                    })
                    .collect();
                (
                    &u.doc,
                    format!(
                        "enum {} {{ {} }}",
                        u.name.to_utf8_string_lossy(),
                        cases.join(", ")
                    ),
                )
            }
            ScSpecEntry::UdtEnumV0(e) => {
                let cases: Vec<String> = e
                    .cases
                    .iter()
                    .map(|c| format!("{} = {}", c.name.to_utf8_string_lossy(), c.value))
                    .collect();
                (
                    &e.doc,
                    format!(
                        "enum {} {{ {} }}",
                        e.name.to_utf8_string_lossy(),
                        cases.join(", ")
                    ),
                )
            }
            ScSpecEntry::UdtErrorEnumV0(e) => {
                let cases: Vec<String> = e
                    .cases
                    .iter()
                    .map(|c| format!("{} = {}", c.name.to_utf8_string_lossy(), c.value))
                    .collect();
                (
                    &e.doc,
                    format!(
                        "#[contracterror] enum {} {{ {} }}",
                        e.name.to_utf8_string_lossy(),
                        cases.join(", ")
                    ),
                )
            }
            ScSpecEntry::EventV0(e) => {
                let params: Vec<String> = e
                    .params
                    .iter()
                    .map(|p| format!("{}: {}", p.name.to_utf8_string_lossy(), spec_type(&p.type_)))
                    .collect();
                (
                    &e.doc,
                    format!(
                        "event {} ({})",
                        e.name.to_utf8_string_lossy(),
                        params.join(", ")
                    ),
                )
            }
        };
        let doc = doc.to_utf8_string_lossy();
        for line in doc.lines() {
            out.push_str(&esc(&format!("/// {line}\n")));
        }
        out.push_str(&esc(&decl));
        out.push_str("\n\n");
    }
    out.push_str("</pre>");
    out
}
