//! Typed requests and answers, named as stellar-rpc's protocol names them: serde reads
//! the params and writes the JSON, so a field's name, type and presence are decided
//! here and nowhere else. One file per group of methods, as in `src/api/`.

mod events;
mod ledgers;
mod network;
mod simulate;
mod transactions;

pub use events::*;
pub use ledgers::*;
pub use network::*;
pub use simulate::*;
pub use transactions::*;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize};

/// A non-negative integer param, written as a JSON number or as a decimal string (the
/// SDK sends cursors as strings). Negative, fractional or other values are refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Uint(pub u64);

impl<'de> Deserialize<'de> for Uint {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Uint, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Uint;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a non-negative integer (a number or a decimal string)")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Uint, E> {
                Ok(Uint(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Uint, E> {
                u64::try_from(v)
                    .map(Uint)
                    .map_err(|_| E::invalid_value(de::Unexpected::Signed(v), &self))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Uint, E> {
                v.parse()
                    .map(Uint)
                    .map_err(|_| E::invalid_value(de::Unexpected::Str(v), &self))
            }
        }
        d.deserialize_any(V)
    }
}

/// A cursor param: stellar-rpc's cursors are strings; a number is read as its digits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cursor(pub String);

impl<'de> Deserialize<'de> for Cursor {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Cursor, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Cursor;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a cursor string")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Cursor, E> {
                Ok(Cursor(v.to_string()))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Cursor, E> {
                Ok(Cursor(v.to_string()))
            }
        }
        d.deserialize_any(V)
    }
}

impl Cursor {
    /// The cursor as a number (getLedgers' sequence, getTransactions' TOID).
    pub fn number(&self) -> Option<u64> {
        self.0.parse().ok()
    }
}

/// `pagination` of the paged methods.
#[derive(Deserialize, Debug, Default)]
#[serde(rename_all = "camelCase")]
pub struct Pagination {
    pub cursor: Option<Cursor>,
    pub limit: Option<Uint>,
}

/// `startLedger`, with 0 meaning "not given" as stellar-rpc reads it.
pub fn start_ledger(s: Option<Uint>) -> Option<u64> {
    s.map(|s| s.0).filter(|s| *s != 0)
}

/// A transaction's status in getTransaction(s).
#[derive(Serialize, Debug, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum TransactionStatus {
    Success,
    Failed,
    NotFound,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn uint(v: serde_json::Value) -> Option<u64> {
        Uint::deserialize(&v).ok().map(|u| u.0)
    }

    #[test]
    fn uints_are_numbers_or_digit_strings() {
        assert_eq!(uint(json!(7)), Some(7));
        assert_eq!(uint(json!("42")), Some(42));
        for bad in [
            json!(-1),
            json!(1.5),
            json!("soon"),
            json!(null),
            json!([1]),
        ] {
            assert_eq!(uint(bad.clone()), None, "{bad}");
        }
    }

    #[test]
    fn pagination_reads_string_and_number_cursors() {
        let p = Pagination::deserialize(&json!({ "cursor": 12, "limit": "3" })).unwrap();
        assert_eq!(p.cursor.unwrap().number(), Some(12));
        assert_eq!(p.limit, Some(Uint(3)));
        let p = Pagination::deserialize(&json!({ "cursor": "0000000008589938688-0000000001" }))
            .unwrap();
        assert_eq!(p.cursor.unwrap().number(), None);
        assert!(Pagination::deserialize(&json!({ "cursor": true })).is_err());
    }

    #[test]
    fn zero_start_ledger_means_none() {
        assert_eq!(start_ledger(Some(Uint(0))), None);
        assert_eq!(start_ledger(Some(Uint(5))), Some(5));
        assert_eq!(
            serde_json::to_value(TransactionStatus::NotFound).unwrap(),
            "NOT_FOUND"
        );
    }
}
