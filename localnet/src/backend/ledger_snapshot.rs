//! State snapshots in soroban-sdk's ledger-snapshot JSON (what
//! `Env::from_ledger_snapshot_file` reads and `stellar snapshot create` writes): the
//! ledger info and the entries, each with its live-until ledger. `localnet snapshot`
//! writes one; `--from-snapshot` starts a new chain from one.

use super::entry::StoredEntry;
use super::{ledger_info, Chain};
use anyhow::{anyhow, Context, Result};
use serde::{Deserialize, Serialize};
use soroban_env_host::xdr::{
    ContractExecutable, LedgerEntry, LedgerEntryData, LedgerKey, ScAddress, ScVal,
};
use std::collections::HashSet;
use std::path::Path;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct LedgerSnapshot {
    pub protocol_version: u32,
    pub sequence_number: u32,
    pub timestamp: u64,
    /// Hex, as soroban-sdk writes it.
    pub network_id: String,
    pub base_reserve: u32,
    pub min_persistent_entry_ttl: u32,
    pub min_temp_entry_ttl: u32,
    pub max_entry_ttl: u32,
    pub ledger_entries: Vec<SnapshotEntry>,
}

/// An entry in either of the SDK's two layouts (it writes the first, reads both).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(untagged)]
pub enum SnapshotEntry {
    WithTtl {
        entry: Box<LedgerEntry>,
        live_until: Option<u32>,
    },
    Keyed(Box<(LedgerKey, (LedgerEntry, Option<u32>))>),
}

impl SnapshotEntry {
    pub fn into_stored(self) -> StoredEntry {
        match self {
            SnapshotEntry::WithTtl { entry, live_until } => StoredEntry {
                entry: *entry,
                live_until,
            },
            SnapshotEntry::Keyed(k) => StoredEntry {
                entry: k.1 .0,
                live_until: k.1 .1,
            },
        }
    }
}

/// Which entries a snapshot holds: given contracts (instance, storage, code) and
/// accounts (account and trustlines); nothing given means every entry.
#[derive(Debug, Default, Clone)]
pub struct SnapshotOptions {
    pub contracts: Vec<[u8; 32]>,
    pub accounts: Vec<[u8; 32]>,
    /// The protocol written instead of the chain's: soroban-sdk's host refuses a ledger
    /// newer than its own (the SDK 27 host, protocol 28), and the entries read the same.
    pub protocol_version: Option<u32>,
}

impl Chain {
    /// The state at the latest ledger as a snapshot. Network settings are left out:
    /// soroban-sdk brings its own, and a chain started from a snapshot has localnet's.
    pub fn snapshot(&self, filter: &SnapshotOptions) -> LedgerSnapshot {
        let info = ledger_info(
            &self.network,
            self.network_id,
            &self.header,
            self.latest.seq,
            self.latest.close_time,
        );
        let code = wasm_of(self, &filter.contracts);
        let mut entries: Vec<(Vec<u8>, SnapshotEntry)> = self
            .state
            .iter()
            .filter(|(_, v)| !matches!(v.entry.data, LedgerEntryData::ConfigSetting(_)))
            .filter(|(_, v)| {
                (filter.contracts.is_empty() && filter.accounts.is_empty())
                    || wanted(&v.entry, filter, &code)
            })
            .map(|(k, v)| {
                (
                    k.clone(),
                    SnapshotEntry::WithTtl {
                        entry: Box::new(v.entry.clone()),
                        live_until: v.live_until,
                    },
                )
            })
            .collect();
        // A stable order, so that snapshots of the same state are the same file.
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        LedgerSnapshot {
            protocol_version: filter.protocol_version.unwrap_or(info.protocol_version),
            sequence_number: info.sequence_number,
            timestamp: info.timestamp,
            network_id: hex::encode(self.network_id),
            base_reserve: info.base_reserve,
            min_persistent_entry_ttl: info.min_persistent_entry_ttl,
            min_temp_entry_ttl: info.min_temp_entry_ttl,
            max_entry_ttl: info.max_entry_ttl,
            ledger_entries: entries.into_iter().map(|(_, e)| e).collect(),
        }
    }
}

/// The Wasm hashes the given contracts run.
fn wasm_of(c: &Chain, contracts: &[[u8; 32]]) -> HashSet<[u8; 32]> {
    c.state
        .iter()
        .filter_map(|(_, v)| match &v.entry.data {
            LedgerEntryData::ContractData(d) => match (&d.contract, &d.val) {
                (ScAddress::Contract(id), ScVal::ContractInstance(i))
                    if contracts.contains(&id.0 .0) =>
                {
                    match &i.executable {
                        ContractExecutable::Wasm(h) => Some(h.0),
                        _ => None,
                    }
                }
                _ => None,
            },
            _ => None,
        })
        .collect()
}

fn wanted(e: &LedgerEntry, f: &SnapshotOptions, code: &HashSet<[u8; 32]>) -> bool {
    let account = |id: &soroban_env_host::xdr::AccountId| {
        let soroban_env_host::xdr::PublicKey::PublicKeyTypeEd25519(k) = &id.0;
        f.accounts.contains(&k.0)
    };
    match &e.data {
        LedgerEntryData::Account(a) => account(&a.account_id),
        LedgerEntryData::Trustline(t) => account(&t.account_id),
        LedgerEntryData::ContractData(d) => {
            matches!(&d.contract, ScAddress::Contract(id) if f.contracts.contains(&id.0 .0))
        }
        LedgerEntryData::ContractCode(c) => code.contains(&c.hash.0),
        _ => false,
    }
}

impl LedgerSnapshot {
    pub fn read_file(path: &Path) -> Result<LedgerSnapshot> {
        let file =
            std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
        serde_json::from_reader(std::io::BufReader::new(file))
            .map_err(|e| anyhow!("{} is not a ledger snapshot: {e}", path.display()))
    }

    pub fn write_file(&self, path: &Path) -> Result<()> {
        let file =
            std::fs::File::create(path).with_context(|| format!("creating {}", path.display()))?;
        serde_json::to_writer_pretty(std::io::BufWriter::new(file), self)?;
        Ok(())
    }

    /// The entries a chain starts from: network settings and TTL entries are skipped
    /// (the chain has its own settings; TTLs are folded into their entries).
    pub fn state_entries(self) -> Vec<StoredEntry> {
        self.ledger_entries
            .into_iter()
            .map(SnapshotEntry::into_stored)
            .filter(|s| {
                !matches!(
                    s.entry.data,
                    LedgerEntryData::ConfigSetting(_) | LedgerEntryData::Ttl(_)
                )
            })
            .collect()
    }
}
