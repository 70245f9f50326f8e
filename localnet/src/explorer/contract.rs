//! `/explorer/contract/<C…>`: the executable (Wasm hash or Stellar Asset Contract), the
//! interface read from the Wasm's contract spec, instance storage, and recent events.
//! Spec names and docs are the deployer's text: escaped like everything else.

use super::display::{scval, spec_type};
use super::tx::events_table;
use super::{esc, link, table, Page};
use crate::api::{parse_contract, rfc3339};
use crate::backend::Chain;
use soroban_env_host::xdr::{
    ContractDataDurability, ContractEvent, ContractExecutable, ContractId, Hash, LedgerEntryData,
    LedgerKey, LedgerKeyContractCode, LedgerKeyContractData, Limited, Limits, ReadXdr, ScAddress,
    ScMetaEntry, ScSpecEntry, ScSpecTypeDef, ScSpecUdtUnionCaseV0, ScVal,
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
    let Some(stored) = c.entry(&key) else {
        return Page::problem(404, &format!("No contract {id} on this network."));
    };
    let LedgerEntryData::ContractData(data) = &stored.entry.data else {
        return Page::problem(500, "the instance is not contract data");
    };
    let ScVal::ContractInstance(instance) = &data.val else {
        return Page::problem(500, "the instance entry holds no instance");
    };
    let live = stored.live_until.map(|l| {
        let state = if l < c.latest().seq {
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
            match c.entry(&code_key).map(|s| s.entry.data) {
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

/// One spec entry as a Rust-like declaration: `keyword name<open>members<close>tail`.
struct Declaration<'a> {
    doc: &'a [u8],
    keyword: &'static str,
    name: String,
    /// `("(", ")")` for functions and events, `(" { ", " }")` for types.
    brackets: (&'static str, &'static str),
    members: Vec<String>,
    /// A function's ` -> T`.
    tail: String,
}

fn named(name: &impl AsRef<[u8]>, type_: &ScSpecTypeDef) -> String {
    format!("{}: {}", text(name), spec_type(type_))
}

fn numbered(name: &impl AsRef<[u8]>, value: u32) -> String {
    format!("{} = {value}", text(name))
}

/// The one place that knows each kind of spec entry.
fn declaration(entry: &ScSpecEntry) -> Declaration<'_> {
    let (paren, brace) = (("(", ")"), (" { ", " }"));
    let (doc, keyword, name, brackets, members, tail) = match entry {
        ScSpecEntry::FunctionV0(f) => (
            f.doc.as_slice(),
            "fn",
            text(&f.name),
            paren,
            f.inputs.iter().map(|i| named(&i.name, &i.type_)).collect(),
            f.outputs
                .first()
                .map(|o| format!(" -> {}", spec_type(o)))
                .unwrap_or_default(),
        ),
        ScSpecEntry::UdtStructV0(s) => (
            s.doc.as_slice(),
            "struct",
            text(&s.name),
            brace,
            s.fields.iter().map(|f| named(&f.name, &f.type_)).collect(),
            String::new(),
        ),
        ScSpecEntry::UdtUnionV0(u) => (
            u.doc.as_slice(),
            "enum",
            text(&u.name),
            brace,
            u.cases
                .iter()
                .map(|c| match c {
                    ScSpecUdtUnionCaseV0::VoidV0(v) => text(&v.name),
                    ScSpecUdtUnionCaseV0::TupleV0(t) => format!(
                        "{}({})",
                        text(&t.name),
                        t.type_.iter().map(spec_type).collect::<Vec<_>>().join(", ")
                    ),
                })
                .collect(),
            String::new(),
        ),
        ScSpecEntry::UdtEnumV0(e) => (
            e.doc.as_slice(),
            "enum",
            text(&e.name),
            brace,
            e.cases.iter().map(|c| numbered(&c.name, c.value)).collect(),
            String::new(),
        ),
        ScSpecEntry::UdtErrorEnumV0(e) => (
            e.doc.as_slice(),
            "#[contracterror] enum",
            text(&e.name),
            brace,
            e.cases.iter().map(|c| numbered(&c.name, c.value)).collect(),
            String::new(),
        ),
        ScSpecEntry::EventV0(e) => (
            e.doc.as_slice(),
            "event",
            format!("{} ", text(&e.name)),
            paren,
            e.params.iter().map(|p| named(&p.name, &p.type_)).collect(),
            String::new(),
        ),
    };
    Declaration {
        doc,
        keyword,
        name,
        brackets,
        members,
        tail,
    }
}

/// Spec strings are bytes chosen by the deployer: read them lossily.
fn text(bytes: &impl AsRef<[u8]>) -> String {
    String::from_utf8_lossy(bytes.as_ref()).into_owned()
}

/// The interface as Rust-like declarations, each with its doc comment.
fn spec_html(spec: &[ScSpecEntry]) -> String {
    let mut out = String::from("<pre>");
    for d in spec.iter().map(declaration) {
        for line in String::from_utf8_lossy(d.doc).lines() {
            out.push_str(&esc(&format!("/// {line}\n")));
        }
        let (open, close) = d.brackets;
        let decl = format!(
            "{} {}{open}{}{close}{}",
            d.keyword,
            d.name,
            d.members.join(", "),
            d.tail
        );
        out.push_str(&esc(&decl));
        out.push_str("\n\n");
    }
    out.push_str("</pre>");
    out
}

#[cfg(test)]
mod tests {
    use super::spec_html;
    use soroban_env_host::xdr::{
        ScSpecEntry, ScSpecEventDataFormat, ScSpecEventParamLocationV0, ScSpecEventParamV0,
        ScSpecEventV0, ScSpecTypeDef, ScSpecUdtEnumCaseV0, ScSpecUdtEnumV0, ScSpecUdtStructFieldV0,
        ScSpecUdtStructV0, ScSpecUdtUnionCaseTupleV0, ScSpecUdtUnionCaseV0,
        ScSpecUdtUnionCaseVoidV0, ScSpecUdtUnionV0, ScSymbol,
    };

    fn s<T: TryFrom<&'static str>>(v: &'static str) -> T
    where
        T::Error: std::fmt::Debug,
    {
        v.try_into().unwrap()
    }

    #[test]
    fn every_kind_of_entry_is_declared() {
        let spec = vec![
            ScSpecEntry::UdtStructV0(ScSpecUdtStructV0 {
                doc: s("A milestone."),
                lib: s(""),
                name: s("Milestone"),
                fields: vec![ScSpecUdtStructFieldV0 {
                    doc: s(""),
                    name: s("amount"),
                    type_: ScSpecTypeDef::I128,
                }]
                .try_into()
                .unwrap(),
            }),
            ScSpecEntry::UdtUnionV0(ScSpecUdtUnionV0 {
                doc: s(""),
                lib: s(""),
                name: s("Role"),
                cases: vec![
                    ScSpecUdtUnionCaseV0::VoidV0(ScSpecUdtUnionCaseVoidV0 {
                        doc: s(""),
                        name: s("Buyer"),
                    }),
                    ScSpecUdtUnionCaseV0::TupleV0(ScSpecUdtUnionCaseTupleV0 {
                        doc: s(""),
                        name: s("Other"),
                        type_: vec![ScSpecTypeDef::U32].try_into().unwrap(),
                    }),
                ]
                .try_into()
                .unwrap(),
            }),
            ScSpecEntry::UdtEnumV0(ScSpecUdtEnumV0 {
                doc: s(""),
                lib: s(""),
                name: s("Kind"),
                cases: vec![ScSpecUdtEnumCaseV0 {
                    doc: s(""),
                    name: s("Single"),
                    value: 0,
                }]
                .try_into()
                .unwrap(),
            }),
            ScSpecEntry::EventV0(ScSpecEventV0 {
                doc: s(""),
                lib: s(""),
                name: ScSymbol(s("funded")),
                prefix_topics: Default::default(),
                params: vec![ScSpecEventParamV0 {
                    doc: s(""),
                    name: s("by"),
                    type_: ScSpecTypeDef::Address,
                    location: ScSpecEventParamLocationV0::TopicList,
                }]
                .try_into()
                .unwrap(),
                data_format: ScSpecEventDataFormat::Vec,
            }),
        ];
        let html = spec_html(&spec);
        for decl in [
            "/// A milestone.\nstruct Milestone { amount: i128 }",
            "enum Role { Buyer, Other(u32) }",
            "enum Kind { Single = 0 }",
            "event funded (by: Address)",
        ] {
            assert!(html.contains(decl), "{decl:?} in {html}");
        }
    }
}
