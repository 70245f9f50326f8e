//! The committed state as the host's snapshot source.

use crate::backend::state::{key_bytes, State};
use soroban_env_host::storage::{EntryWithLiveUntil, SnapshotSource};
use soroban_env_host::xdr::LedgerKey;
use soroban_env_host::HostError;
use std::rc::Rc;

/// The committed state as the host's snapshot source (simulation and genesis). The
/// host wants an `Rc<dyn SnapshotSource>` ('static), so this holds a raw pointer; every
/// use is inside one call made while the state is borrowed and the Rc is dropped before
/// the borrow ends (see `with_snapshot`).
pub struct StateSnapshot {
    state: *const State,
}

impl SnapshotSource for StateSnapshot {
    fn get(&self, key: &Rc<LedgerKey>) -> Result<Option<EntryWithLiveUntil>, HostError> {
        // SAFETY: see the type's comment; the pointee outlives every snapshot.
        let state = unsafe { &*self.state };
        Ok(state
            .lookup(&key_bytes(key))
            .map(|s| (Rc::new(s.entry), s.live_until)))
    }
}

/// Runs `f` with a snapshot of `state`; the snapshot cannot outlive the call.
pub fn with_snapshot<R>(state: &State, f: impl FnOnce(Rc<StateSnapshot>) -> R) -> R {
    let snap = Rc::new(StateSnapshot {
        state: state as *const State,
    });
    let r = f(snap.clone());
    drop(snap);
    r
}
