//! The live ledger state, held in memory (a local chain is small) and mirrored to the
//! store at every ledger close; plus the layered overlay that transactions write into,
//! so that a failed operation or transaction rolls back without touching the state.

use sha2::{Digest, Sha256};
use soroban_env_host::xdr::{
    ContractDataDurability, LedgerEntry, LedgerEntryChange, LedgerEntryData, LedgerEntryExt,
    LedgerKey, Limits, TtlEntry, WriteXdr,
};
use std::collections::HashMap;

mod fork_view;

use super::entry::StoredEntry;

/// XDR bytes of a key: the map key everywhere, so equal keys always compare equal.
pub fn key_bytes(key: &LedgerKey) -> Vec<u8> {
    key.to_xdr(Limits::none())
        .expect("ledger keys always encode")
}

/// sha256 of the key's XDR: how TTL entries name the entry they belong to.
pub fn key_hash(key: &LedgerKey) -> [u8; 32] {
    Sha256::digest(key_bytes(key)).into()
}

/// Whether a key carries a TTL, and of which durability.
pub fn durability(key: &LedgerKey) -> Option<ContractDataDurability> {
    match key {
        LedgerKey::ContractData(k) => Some(k.durability),
        LedgerKey::ContractCode(_) => Some(ContractDataDurability::Persistent),
        _ => None,
    }
}

/// What a reader sees of an entry at ledger `seq`.
#[derive(Clone, Debug, PartialEq)]
pub enum Liveness {
    Live(StoredEntry),
    /// A persistent entry past its TTL: still there, but must be restored before use.
    Archived(StoredEntry),
    Missing,
}

pub fn liveness(stored: Option<&StoredEntry>, key: &LedgerKey, seq: u32) -> Liveness {
    let Some(s) = stored else {
        return Liveness::Missing;
    };
    match (durability(key), s.live_until) {
        (Some(ContractDataDurability::Temporary), Some(l)) if l < seq => Liveness::Missing,
        (Some(ContractDataDurability::Persistent), Some(l)) if l < seq => {
            Liveness::Archived(s.clone())
        }
        _ => Liveness::Live(s.clone()),
    }
}

/// All ledger entries by key bytes, and the TTL-key index that lets a TTL key be answered.
/// In fork mode, entries not held here are read from the upstream (see `lookup`).
#[derive(Default)]
pub struct State {
    entries: HashMap<Vec<u8>, StoredEntry>,
    by_key_hash: HashMap<[u8; 32], Vec<u8>>,
    fork: Option<fork_view::Fork>,
}

impl State {
    /// The entry held locally (in fork mode: written here), without asking upstream.
    pub fn get(&self, key: &[u8]) -> Option<&StoredEntry> {
        self.entries.get(key)
    }

    /// Answers a `LedgerKey::Ttl` from the entry it belongs to.
    pub fn get_ttl(&self, hash: &[u8; 32]) -> Option<(LedgerEntry, &StoredEntry)> {
        let owner = self.entries.get(self.by_key_hash.get(hash)?)?;
        let live_until = owner.live_until?;
        Some((
            ttl_entry(*hash, live_until, owner.entry.last_modified_ledger_seq),
            owner,
        ))
    }

    pub fn put(&mut self, key: Vec<u8>, value: Option<StoredEntry>) {
        let hash: [u8; 32] = Sha256::digest(&key).into();
        match value {
            Some(v) => {
                if v.live_until.is_some() {
                    self.by_key_hash.insert(hash, key.clone());
                }
                if let Some(f) = &mut self.fork {
                    f.deleted.remove(&key);
                }
                self.entries.insert(key, v);
            }
            None => {
                self.by_key_hash.remove(&hash);
                self.entries.remove(&key);
                if let Some(f) = &mut self.fork {
                    f.deleted.insert(key);
                }
            }
        }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

pub fn ttl_entry(key_hash: [u8; 32], live_until: u32, last_modified: u32) -> LedgerEntry {
    LedgerEntry {
        last_modified_ledger_seq: last_modified,
        data: LedgerEntryData::Ttl(TtlEntry {
            key_hash: key_hash.into(),
            live_until_ledger_seq: live_until,
        }),
        ext: LedgerEntryExt::V0,
    }
}

/// One layer of uncommitted writes, remembering what each key held when first touched
/// so the layer can describe itself as `LedgerEntryChanges` for the meta.
#[derive(Default, Clone)]
struct Layer {
    writes: HashMap<Vec<u8>, Option<StoredEntry>>,
    order: Vec<(Vec<u8>, Option<StoredEntry>)>,
}

/// Writes of the transaction being applied, over the committed state. A layer is pushed
/// per transaction and per operation; `commit` folds the top layer into the one below,
/// `rollback` drops it.
pub struct Overlay<'a> {
    base: &'a State,
    layers: Vec<Layer>,
    pub ledger_seq: u32,
}

impl<'a> Overlay<'a> {
    pub fn new(base: &'a State, ledger_seq: u32) -> Self {
        Overlay {
            base,
            layers: vec![Layer::default()],
            ledger_seq,
        }
    }

    pub fn get(&self, key: &[u8]) -> Option<StoredEntry> {
        for layer in self.layers.iter().rev() {
            if let Some(v) = layer.writes.get(key) {
                return v.clone();
            }
        }
        self.base.lookup(key)
    }

    /// Fetches (in fork mode) the keys a transaction will read, in one batch.
    pub fn prefetch(&self, keys: &[LedgerKey]) {
        self.base.prefetch(keys);
    }

    pub fn get_key(&self, key: &LedgerKey) -> Option<StoredEntry> {
        self.get(&key_bytes(key))
    }

    /// Writes (or with `None` erases) an entry, stamping it as modified in this ledger.
    pub fn put(&mut self, key: Vec<u8>, value: Option<StoredEntry>) {
        let before = self.get(&key);
        let value = value.map(|mut v| {
            v.entry.last_modified_ledger_seq = self.ledger_seq;
            v
        });
        let top = self.layers.last_mut().expect("overlay always has a layer");
        if !top.writes.contains_key(&key) {
            top.order.push((key.clone(), before));
        }
        top.writes.insert(key, value);
    }

    pub fn put_entry(&mut self, entry: LedgerEntry, live_until: Option<u32>) {
        let key = key_bytes(&entry.to_key());
        self.put(key, Some(StoredEntry { entry, live_until }));
    }

    pub fn push(&mut self) {
        self.layers.push(Layer::default());
    }

    /// Folds the top layer into the one below and returns its changes for the meta.
    pub fn commit(&mut self) -> Vec<LedgerEntryChange> {
        let top = self.layers.pop().expect("commit without a layer");
        let changes = layer_changes(&top);
        let below = self
            .layers
            .last_mut()
            .expect("the base layer is never committed");
        for (key, before) in top.order {
            let value = top.writes.get(&key).cloned().flatten();
            if !below.writes.contains_key(&key) {
                below.order.push((key.clone(), before));
            }
            below.writes.insert(key, value);
        }
        changes
    }

    pub fn rollback(&mut self) {
        self.layers.pop();
    }

    /// The net writes of the base layer, to apply to the state at ledger close.
    pub fn into_writes(mut self) -> Vec<(Vec<u8>, Option<StoredEntry>)> {
        let base = self.layers.swap_remove(0);
        base.order
            .into_iter()
            .map(|(k, _)| {
                let v = base.writes.get(&k).cloned().flatten();
                (k, v)
            })
            .collect()
    }
}

/// Describes a layer the way core's meta does: STATE then UPDATED/REMOVED for entries
/// that existed, CREATED for new ones; a TTL change shows as its own TTL entry.
fn layer_changes(layer: &Layer) -> Vec<LedgerEntryChange> {
    let mut out = vec![];
    for (key, before) in &layer.order {
        let after = layer.writes.get(key).cloned().flatten();
        if before.as_ref() == after.as_ref() {
            continue;
        }
        push_change(
            &mut out,
            before.as_ref().map(|s| &s.entry),
            after.as_ref().map(|s| &s.entry),
        );
        let hash: [u8; 32] = Sha256::digest(key).into();
        let ttl = |s: &StoredEntry| {
            s.live_until
                .map(|l| ttl_entry(hash, l, s.entry.last_modified_ledger_seq))
        };
        let (tb, ta) = (before.as_ref().and_then(ttl), after.as_ref().and_then(ttl));
        let ttl_changed = match (&tb, &ta) {
            (Some(b), Some(a)) => b.data != a.data,
            (None, None) => false,
            _ => true,
        };
        if ttl_changed {
            push_change(&mut out, tb.as_ref(), ta.as_ref());
        }
    }
    out
}

fn push_change(
    out: &mut Vec<LedgerEntryChange>,
    before: Option<&LedgerEntry>,
    after: Option<&LedgerEntry>,
) {
    match (before, after) {
        (None, Some(a)) => out.push(LedgerEntryChange::Created(a.clone())),
        (Some(b), Some(a)) => {
            if b != a {
                out.push(LedgerEntryChange::State(b.clone()));
                out.push(LedgerEntryChange::Updated(a.clone()));
            }
        }
        (Some(b), None) => {
            out.push(LedgerEntryChange::State(b.clone()));
            out.push(LedgerEntryChange::Removed(b.to_key()));
        }
        (None, None) => {}
    }
}

impl State {
    pub fn iter(&self) -> impl Iterator<Item = (&Vec<u8>, &StoredEntry)> {
        self.entries.iter()
    }
}
