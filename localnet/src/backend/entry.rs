//! The unit of ledger state every layer passes around. It sits below the state, the
//! store and fork mode's upstream client, so that none of them imports another for it.

use soroban_env_host::xdr::LedgerEntry;

/// A ledger entry with its live-until ledger: the TTL entry core keeps beside every
/// contract data and code entry is folded into it (`None` for classic entries).
#[derive(Clone, Debug, PartialEq)]
pub struct StoredEntry {
    pub entry: LedgerEntry,
    pub live_until: Option<u32>,
}
