//! The `Chain` API that the RPC layer, the explorer and the tools read through: the
//! network's identity, the latest ledger, history (ledgers, transactions, events) and
//! entries as of the latest ledger. None of them reaches into the state or the store:
//! the accessors that do are in `whitebox.rs`, compiled only for localnet's own tests
//! and tools (the `whitebox` feature), so the binary's RPC layer and explorer cannot.

use super::entry::StoredEntry;
use super::frame::TxFrame;
use super::simulate::{simulate, Simulation, SimulationRequest};
use super::state::{key_bytes, liveness, Liveness};
use super::store::{EventRow, LedgerRow, TxRow};
use super::Chain;
use anyhow::Result;
use soroban_env_host::xdr::{
    AccountId, LedgerEntry, LedgerEntryData, LedgerKey, Limits, ReadXdr, TransactionEnvelope,
    TrustLineEntry,
};
use soroban_simulation::NetworkConfig;

/// The oldest and latest ledgers held, with their close times.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HistoryWindow {
    pub latest: u32,
    pub latest_close_time: u64,
    pub oldest: u32,
    pub oldest_close_time: u64,
}

/// Inclusion-fee bids per operation of recent transactions, Soroban and classic apart.
#[derive(Debug, Default)]
pub struct FeeBids {
    pub soroban: Vec<i64>,
    pub classic: Vec<i64>,
    /// How many ledgers the bids come from.
    pub ledgers: u32,
}

impl Chain {
    pub fn passphrase(&self) -> &str {
        &self.passphrase
    }

    pub fn network_id(&self) -> [u8; 32] {
        self.network_id
    }

    pub fn protocol_version(&self) -> u32 {
        self.header.ledger_version
    }

    pub fn base_fee(&self) -> u32 {
        self.header.base_fee
    }

    /// Soroban's network settings (fees, limits, TTLs).
    pub fn network(&self) -> &NetworkConfig {
        &self.network
    }

    /// The latest closed ledger.
    pub fn latest(&self) -> &LedgerRow {
        &self.latest
    }

    /// The oldest ledger whose history is kept.
    pub fn oldest_ledger(&self) -> u32 {
        self.oldest_ledger
    }

    /// `--history-retention-window`, if one is set.
    pub fn retention_window(&self) -> Option<u32> {
        self.retention_window
    }

    /// The native asset's contract id.
    pub fn native_contract(&self) -> [u8; 32] {
        self.native_contract
    }

    /// The test USDC's contract id.
    pub fn usdc_contract(&self) -> [u8; 32] {
        self.usdc_contract
    }

    /// Fork mode's upstream RPC URL.
    pub fn upstream_url(&self) -> Option<&str> {
        self.state.upstream().map(|u| u.url.as_str())
    }

    /// Ledger time now (wall clock plus any advance), in Unix seconds.
    pub fn now(&self) -> u64 {
        self.clock.now()
    }

    pub fn history_window(&self) -> Result<HistoryWindow> {
        Ok(HistoryWindow {
            latest: self.latest.seq,
            latest_close_time: self.latest.close_time,
            oldest: self.oldest_ledger,
            oldest_close_time: self
                .store
                .ledger_close_time(self.oldest_ledger)?
                .unwrap_or(0),
        })
    }

    pub fn transaction(&self, hash: &[u8; 32]) -> Result<Option<TxRow>> {
        self.store.get_tx(hash)
    }

    /// Transactions from `(ledger, application order)` on, in order.
    pub fn transactions_from(&self, ledger: u32, order: u32, limit: u32) -> Result<Vec<TxRow>> {
        self.store.txs_from(ledger, order, limit)
    }

    pub fn transactions_in_ledger(&self, seq: u32) -> Result<Vec<TxRow>> {
        self.store.txs_in_ledger(seq)
    }

    /// The newest transactions, newest first.
    pub fn recent_transactions(&self, limit: u32) -> Result<Vec<TxRow>> {
        self.store.recent_txs(limit)
    }

    pub fn ledgers_from(&self, start: u32, limit: u32) -> Result<Vec<LedgerRow>> {
        self.store.ledgers_from(start, limit)
    }

    /// The newest ledgers, newest first.
    pub fn recent_ledgers(&self, limit: u32) -> Result<Vec<LedgerRow>> {
        self.store.recent_ledgers(limit)
    }

    /// Events from `(ledger, tx, op, event)` on, before `end_ledger`, in order.
    pub fn events_between(
        &self,
        start: (u32, u32, u32, u32),
        end_ledger: u32,
        limit: u32,
    ) -> Result<Vec<EventRow>> {
        self.store.events_between(start, end_ledger, limit)
    }

    /// A contract's newest events, newest first.
    pub fn contract_events(&self, contract: &[u8; 32], limit: u32) -> Result<Vec<EventRow>> {
        self.store.contract_events(contract, limit)
    }

    /// The entry under `key` as every reader sees it, live or archived, with its TTL.
    pub fn entry(&self, key: &LedgerKey) -> Option<StoredEntry> {
        self.state.lookup(&key_bytes(key))
    }

    /// getLedgerEntries: each key's entry and live-until ledger, or `None`. Temporary
    /// entries past their TTL are gone; archived persistent ones are still returned
    /// (with their past TTL), as stellar-rpc does; a TTL key gets its TTL entry.
    pub fn ledger_entries(&self, keys: &[LedgerKey]) -> Vec<Option<(LedgerEntry, Option<u32>)>> {
        // A fork fetches what it does not hold in one batch.
        self.state.prefetch(keys);
        keys.iter()
            .map(|key| match key {
                LedgerKey::Ttl(t) => self.state.get_ttl(&t.key_hash.0).map(|(e, _)| (e, None)),
                _ => match liveness(self.entry(key).as_ref(), key, self.latest.seq) {
                    Liveness::Missing => None,
                    Liveness::Live(s) | Liveness::Archived(s) => Some((s.entry, s.live_until)),
                },
            })
            .collect()
    }

    /// The trustlines an account holds here (in a fork: those read or written here).
    pub fn trustlines(&self, id: &AccountId) -> Vec<TrustLineEntry> {
        self.state
            .iter()
            .filter_map(|(_, v)| match &v.entry.data {
                LedgerEntryData::Trustline(l) if l.account_id == *id => Some(l.clone()),
                _ => None,
            })
            .collect()
    }

    /// Inclusion-fee bids of the transactions in the last `ledgers` ledgers kept.
    pub fn fee_bids(&self, ledgers: u32) -> Result<FeeBids> {
        let from = self
            .latest
            .seq
            .saturating_sub(ledgers.saturating_sub(1))
            .max(self.oldest_ledger);
        let mut bids = FeeBids {
            ledgers: self.latest.seq - from + 1,
            ..Default::default()
        };
        for r in self.store.txs_from(from, 1, 20_000)? {
            let Ok(env) = TransactionEnvelope::from_xdr(&r.envelope, Limits::none()) else {
                continue;
            };
            let Ok(frame) = TxFrame::parse(env, self.network_id) else {
                continue;
            };
            let ops = frame.tx.operations.len() as i64 + i64::from(frame.fee_bump.is_some());
            let bid = (frame.full_fee() - frame.resource_fee()) / ops.max(1);
            if frame.is_soroban() {
                bids.soroban.push(bid)
            } else {
                bids.classic.push(bid)
            }
        }
        Ok(bids)
    }

    /// simulateTransaction against the latest ledger.
    pub fn simulate(&self, request: SimulationRequest) -> Simulation {
        simulate(self, request)
    }

    /// The latest header's hash.
    pub fn header_hash(&self) -> [u8; 32] {
        self.header_hash
    }
}
