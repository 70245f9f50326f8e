//! How values look in stellar-rpc's JSON: base64 XDR, StrKeys, decimal strings, and
//! RFC 3339 timestamps.

use base64::{engine::general_purpose::STANDARD, Engine};
use soroban_env_host::xdr::{Limits, ReadXdr, WriteXdr};

pub fn b64(bytes: &[u8]) -> String {
    STANDARD.encode(bytes)
}

pub fn xdr_b64<T: WriteXdr>(v: &T) -> String {
    v.to_xdr_base64(Limits::none()).unwrap_or_default()
}

/// Decodes base64 XDR with depth and length limits, so hostile input cannot blow the
/// stack or the heap.
pub fn from_b64<T: ReadXdr>(s: &str) -> Result<T, String> {
    T::from_xdr_base64(
        s,
        Limits {
            depth: 500,
            len: 10 * 1024 * 1024,
        },
    )
    .map_err(|e| format!("invalid XDR: {e}"))
}

pub fn contract_strkey(id: &[u8; 32]) -> String {
    stellar_strkey::Contract(*id).to_string()
}

pub fn account_strkey(key: &[u8; 32]) -> String {
    stellar_strkey::ed25519::PublicKey(*key).to_string()
}

/// Parses a G… account address.
pub fn parse_account(s: &str) -> Option<[u8; 32]> {
    stellar_strkey::ed25519::PublicKey::from_string(s)
        .ok()
        .map(|k| k.0)
}

pub fn parse_contract(s: &str) -> Option<[u8; 32]> {
    stellar_strkey::Contract::from_string(s).ok().map(|c| c.0)
}

/// Unix seconds as `2026-11-22T07:00:00Z`.
pub fn rfc3339(secs: u64) -> String {
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    // Civil-from-days (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = if m <= 2 { y + 1 } else { y };
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        (rem % 3600) / 60,
        rem % 60
    )
}

/// Total order id (SEP-35 TOID): ledger, transaction and operation in one i64.
pub fn toid(ledger: u32, tx: u32, op: u32) -> i64 {
    ((ledger as i64) << 32) | ((tx as i64 & 0xFFFFF) << 12) | (op as i64 & 0xFFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc3339_writes_utc_dates() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(rfc3339(1_795_417_199), "2026-11-23T06:59:59Z");
    }

    #[test]
    fn toid_packs_ledger_transaction_and_operation() {
        assert_eq!(toid(1, 0, 0), 1 << 32);
        assert_eq!(toid(2, 3, 4), (2 << 32) | (3 << 12) | 4);
        // Out-of-range parts are masked, never spill into the ledger.
        assert_eq!(toid(1, 0x100000, 0x1000), 1 << 32);
    }

    #[test]
    fn strkeys_round_trip_and_refuse_the_other_kind() {
        let key = [7u8; 32];
        assert_eq!(parse_account(&account_strkey(&key)), Some(key));
        assert_eq!(parse_contract(&contract_strkey(&key)), Some(key));
        assert_eq!(parse_account(&contract_strkey(&key)), None);
        assert!(from_b64::<soroban_env_host::xdr::ScVal>("not base64!").is_err());
    }
}
