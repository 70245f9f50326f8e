//! The raw state and store, for localnet's own tests and tools that look inside or set
//! up what no transaction can (an aged entry). Compiled only with the `whitebox`
//! feature (the integration tests enable it through a dev-dependency on this crate)
//! or in unit tests, so the RPC layer and the explorer of the binary cannot reach
//! them: they read through the methods in `reads.rs`.

use super::state::State;
use super::store::Store;
use super::Chain;

impl Chain {
    /// The raw state; readers use `Chain::entry` and `Chain::ledger_entries`.
    pub fn state(&self) -> &State {
        &self.state
    }

    /// The raw state, to change it outside any transaction.
    pub fn state_mut(&mut self) -> &mut State {
        &mut self.state
    }

    /// The raw store; readers use the history methods of `reads.rs`.
    pub fn store(&self) -> &Store {
        &self.store
    }
}
