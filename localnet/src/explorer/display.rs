//! Values as people read them: contract values, amounts, assets and contract-spec
//! types, as plain text (the page escapes it; much of it is chosen by contract authors).

use soroban_env_host::xdr::{Asset, ChangeTrustAsset, ScSpecTypeDef, ScVal, TrustLineAsset};
use std::fmt::Write;

/// How deep nested vectors and maps are shown before "…".
const MAX_DEPTH: u32 = 6;
/// How many elements, bytes or characters are shown before "…".
const MAX_ITEMS: usize = 40;

/// A contract value in a compact, readable form: `[transfer, G…, 10]`, `{amount: 5}`.
pub fn scval(v: &ScVal) -> String {
    let mut out = String::new();
    write_scval(&mut out, v, 0);
    out
}

fn write_scval(out: &mut String, v: &ScVal, depth: u32) {
    if depth > MAX_DEPTH {
        out.push('…');
        return;
    }
    let _ = match v {
        ScVal::Bool(b) => write!(out, "{b}"),
        ScVal::Void => write!(out, "void"),
        ScVal::Error(e) => write!(out, "Error({e:?})"),
        ScVal::U32(n) => write!(out, "{n}"),
        ScVal::I32(n) => write!(out, "{n}"),
        ScVal::U64(n) => write!(out, "{n}"),
        ScVal::I64(n) => write!(out, "{n}"),
        ScVal::Timepoint(t) => write!(out, "time {}", t.0),
        ScVal::Duration(d) => write!(out, "{} s", d.0),
        ScVal::U128(n) => write!(out, "{n}"),
        ScVal::I128(n) => write!(out, "{n}"),
        ScVal::U256(n) => write!(out, "{n}"),
        ScVal::I256(n) => write!(out, "{n}"),
        ScVal::Bytes(b) => write!(out, "0x{}", clip_hex(b.as_slice())),
        ScVal::String(s) => write!(out, "{:?}", clip(&String::from_utf8_lossy(s.as_slice()))),
        ScVal::Symbol(s) => write!(out, "{}", String::from_utf8_lossy(s.as_slice())),
        ScVal::Address(a) => write!(out, "{a}"),
        ScVal::Vec(items) => {
            out.push('[');
            let items = items.as_ref().map(|v| v.as_slice()).unwrap_or_default();
            for (i, item) in items.iter().enumerate() {
                if i == MAX_ITEMS {
                    out.push_str(", …");
                    break;
                }
                if i > 0 {
                    out.push_str(", ");
                }
                write_scval(out, item, depth + 1);
            }
            out.push(']');
            Ok(())
        }
        ScVal::Map(entries) => {
            out.push('{');
            let entries = entries.as_ref().map(|m| m.as_slice()).unwrap_or_default();
            for (i, e) in entries.iter().enumerate() {
                if i == MAX_ITEMS {
                    out.push_str(", …");
                    break;
                }
                if i > 0 {
                    out.push_str(", ");
                }
                write_scval(out, &e.key, depth + 1);
                out.push_str(": ");
                write_scval(out, &e.val, depth + 1);
            }
            out.push('}');
            Ok(())
        }
        ScVal::ContractInstance(_) => write!(out, "(contract instance)"),
        ScVal::LedgerKeyContractInstance => write!(out, "(instance key)"),
        ScVal::LedgerKeyNonce(n) => write!(out, "(nonce {})", n.nonce),
        ScVal::ExecutableTag(s) => write!(
            out,
            "(executable {})",
            String::from_utf8_lossy(s.as_slice())
        ),
    };
}

fn clip(s: &str) -> String {
    let mut chars = s.chars();
    let head: String = chars.by_ref().take(MAX_ITEMS * 5).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}

fn clip_hex(b: &[u8]) -> String {
    if b.len() > MAX_ITEMS {
        format!("{}…", hex::encode(&b[..MAX_ITEMS]))
    } else {
        hex::encode(b)
    }
}

/// Base units with `decimals` places, trailing zeros dropped: 12.5 for 125000000 at 7.
pub fn amount(units: i128, decimals: u32) -> String {
    let scale = 10i128.pow(decimals);
    let (whole, frac) = (units / scale, (units % scale).abs());
    let sign = if units < 0 && whole == 0 { "-" } else { "" };
    let frac = format!("{frac:0width$}", width = decimals as usize);
    let frac = frac.trim_end_matches('0');
    if frac.is_empty() {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{frac}")
    }
}

/// Stroops as XLM: `10000 XLM`.
pub fn xlm(stroops: i64) -> String {
    format!("{} XLM", amount(stroops as i128, 7))
}

pub fn asset(a: &Asset) -> String {
    match a {
        Asset::Native => "XLM".into(),
        Asset::CreditAlphanum4(c) => format!("{}:{}", c.asset_code, c.issuer),
        Asset::CreditAlphanum12(c) => format!("{}:{}", c.asset_code, c.issuer),
    }
}

pub fn change_trust_asset(a: &ChangeTrustAsset) -> String {
    match a {
        ChangeTrustAsset::Native => "XLM".into(),
        ChangeTrustAsset::CreditAlphanum4(c) => format!("{}:{}", c.asset_code, c.issuer),
        ChangeTrustAsset::CreditAlphanum12(c) => format!("{}:{}", c.asset_code, c.issuer),
        ChangeTrustAsset::PoolShare(_) => "liquidity pool share".into(),
    }
}

pub fn trustline_asset(a: &TrustLineAsset) -> String {
    match a {
        TrustLineAsset::Native => "XLM".into(),
        TrustLineAsset::CreditAlphanum4(c) => format!("{}:{}", c.asset_code, c.issuer),
        TrustLineAsset::CreditAlphanum12(c) => format!("{}:{}", c.asset_code, c.issuer),
        TrustLineAsset::PoolShare(p) => format!("pool {}", hex::encode(p.0 .0)),
    }
}

/// A contract-spec type as Rust spells it: `u32`, `Option<Address>`, `Vec<Milestone>`.
pub fn spec_type(t: &ScSpecTypeDef) -> String {
    match t {
        ScSpecTypeDef::Option(o) => format!("Option<{}>", spec_type(&o.value_type)),
        ScSpecTypeDef::Result(r) => format!(
            "Result<{}, {}>",
            spec_type(&r.ok_type),
            spec_type(&r.error_type)
        ),
        ScSpecTypeDef::Vec(v) => format!("Vec<{}>", spec_type(&v.element_type)),
        ScSpecTypeDef::Map(m) => format!(
            "Map<{}, {}>",
            spec_type(&m.key_type),
            spec_type(&m.value_type)
        ),
        ScSpecTypeDef::Tuple(t) => format!(
            "({})",
            t.value_types
                .iter()
                .map(spec_type)
                .collect::<Vec<_>>()
                .join(", ")
        ),
        ScSpecTypeDef::BytesN(b) => format!("BytesN<{}>", b.n),
        ScSpecTypeDef::Udt(u) => u.name.to_utf8_string_lossy(),
        ScSpecTypeDef::Val => "Val".into(),
        ScSpecTypeDef::Error => "Error".into(),
        ScSpecTypeDef::Address => "Address".into(),
        ScSpecTypeDef::MuxedAddress => "MuxedAddress".into(),
        ScSpecTypeDef::String => "String".into(),
        ScSpecTypeDef::Symbol => "Symbol".into(),
        ScSpecTypeDef::Bytes => "Bytes".into(),
        ScSpecTypeDef::Void => "()".into(),
        other => other.name().to_lowercase(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use soroban_env_host::xdr::{Int128Parts, ScMap, ScMapEntry, ScSymbol, ScVec};

    #[test]
    fn amounts_drop_trailing_zeros_and_keep_signs() {
        assert_eq!(amount(125_000_000, 7), "12.5");
        assert_eq!(amount(10_000 * 10_000_000, 7), "10000");
        assert_eq!(amount(-5_000_000, 7), "-0.5");
        assert_eq!(amount(-15_000_000, 7), "-1.5");
        assert_eq!(amount(7, 0), "7");
    }

    #[test]
    fn values_are_compact_and_bounded() {
        let sym = |s: &str| ScVal::Symbol(ScSymbol(s.try_into().unwrap()));
        let v = ScVal::Vec(Some(ScVec(
            vec![sym("transfer"), ScVal::I128(Int128Parts { hi: 0, lo: 10 })]
                .try_into()
                .unwrap(),
        )));
        assert_eq!(scval(&v), "[transfer, 10]");
        let m = ScVal::Map(Some(ScMap(
            vec![ScMapEntry {
                key: sym("a"),
                val: ScVal::Void,
            }]
            .try_into()
            .unwrap(),
        )));
        assert_eq!(scval(&m), "{a: void}");
        let mut deep = ScVal::Void;
        for _ in 0..20 {
            deep = ScVal::Vec(Some(ScVec(vec![deep].try_into().unwrap())));
        }
        assert!(scval(&deep).contains('…'));
    }
}
