//! Fork mode's side of the state: entries not held locally are read from the
//! upstream on first use and cached; local deletions of upstream entries stay deleted.

use super::{key_bytes, State};
use crate::backend::entry::StoredEntry;
use crate::backend::upstream::Upstream;
use soroban_env_host::xdr::{LedgerKey, Limits, ReadXdr};
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

/// A fork's view of its upstream: what was fetched (`None`: absent upstream), and the
/// upstream entries deleted here, which must stay deleted.
pub(super) struct Fork {
    pub(super) upstream: Upstream,
    pub(super) fetched: RefCell<HashMap<Vec<u8>, Option<StoredEntry>>>,
    pub(super) deleted: HashSet<Vec<u8>>,
}

impl State {
    /// Reads entries missing here from `upstream` from now on (local writes shadow them).
    pub fn fork_from(&mut self, upstream: Upstream) {
        self.fork = Some(Fork {
            upstream,
            fetched: RefCell::default(),
            deleted: HashSet::new(),
        });
    }

    pub fn upstream(&self) -> Option<&Upstream> {
        self.fork.as_ref().map(|f| &f.upstream)
    }

    /// The entry as every reader sees it: held here, else (fork mode) the upstream's,
    /// fetched on first read and cached.
    pub fn lookup(&self, key: &[u8]) -> Option<StoredEntry> {
        if let Some(e) = self.entries.get(key) {
            return Some(e.clone());
        }
        let fork = self.fork.as_ref()?;
        if fork.deleted.contains(key) {
            return None;
        }
        if let Some(cached) = fork.fetched.borrow().get(key) {
            return cached.clone();
        }
        let parsed = LedgerKey::from_xdr(key, Limits::none()).ok()?;
        self.prefetch(std::slice::from_ref(&parsed));
        fork.fetched.borrow().get(key).cloned().flatten()
    }

    /// Fetches, in batches, the keys neither held nor fetched yet (fork mode only). An
    /// upstream that cannot be reached leaves them unfetched (read as missing, retried).
    pub fn prefetch(&self, keys: &[LedgerKey]) {
        let Some(fork) = &self.fork else { return };
        let missing: Vec<LedgerKey> = {
            let fetched = fork.fetched.borrow();
            keys.iter()
                .filter(|k| !matches!(k, LedgerKey::Ttl(_)))
                .filter(|k| {
                    let b = key_bytes(k);
                    !self.entries.contains_key(&b)
                        && !fork.deleted.contains(&b)
                        && !fetched.contains_key(&b)
                })
                .cloned()
                .collect()
        };
        if missing.is_empty() {
            return;
        }
        match fork.upstream.ledger_entries(&missing) {
            Ok(found) => {
                let mut fetched = fork.fetched.borrow_mut();
                for k in &missing {
                    fetched.insert(key_bytes(k), None);
                }
                for e in found {
                    fetched.insert(key_bytes(&e.entry.to_key()), Some(e));
                }
            }
            Err(e) => eprintln!(
                "localnet: reading {} entries from the upstream failed: {e:#}",
                missing.len()
            ),
        }
    }
}
