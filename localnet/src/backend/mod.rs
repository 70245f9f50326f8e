//! The chain: state, store, the latest header, and the two things that change them —
//! submitting a transaction (validated, applied and closed into its own ledger at once)
//! and closing an empty ledger as time passes.

pub mod accounts;
pub mod classic;
pub mod dev;
pub mod entry;
mod events;
pub mod fees;
mod fork;
pub mod frame;
pub mod friendbot;
pub mod genesis;
pub mod ledger;
pub mod ledger_snapshot;
mod modules;
pub mod network_settings;
mod open;
mod reads;
pub mod simulate;
pub mod soroban;
pub mod state;
pub mod store;
pub mod time;
pub mod transaction;
pub mod upstream;
pub mod validation;
#[cfg(any(test, feature = "whitebox"))]
mod whitebox;

use anyhow::{anyhow, Result};
use classic::ClassicContext;
use entry::StoredEntry;
use sha2::{Digest, Sha256};
use soroban_env_host::xdr::{
    ContractEvent, ContractEventBody, ContractEventType, ContractEventV0, DiagnosticEvent,
    ExtensionPoint, LedgerHeader, Limits, ScError, ScErrorCode, ScString, ScSymbol, ScVal,
    TransactionEnvelope, TransactionResult, WriteXdr,
};
use soroban_env_host::LedgerInfo;
use soroban_simulation::NetworkConfig;
use state::State;
use std::path::PathBuf;
use store::{LedgerRow, Store, TxRow};
use transaction::{AppliedTx, ApplyContext};
use validation::{LedgerContext, TxFrame};

pub use friendbot::{FundError, Funded, Recipient};
pub use reads::{FeeBids, HistoryWindow};

#[derive(Clone, Debug, Default)]
pub struct ChainConfig {
    pub passphrase: String,
    pub data_dir: PathBuf,
    pub reset: bool,
    /// Ledgers of history kept (`None`: all); older ledgers, transactions and events
    /// are deleted as new ledgers close.
    pub retention_window: Option<u32>,
    /// A new chain starts from this ledger snapshot (soroban-sdk's JSON).
    pub from_snapshot: Option<PathBuf>,
    /// Fork mode: entries missing here are read from this Stellar RPC (http://).
    pub fork_url: Option<String>,
}

/// The chain. Its parts are private: everything outside `backend` goes through its
/// methods (`reads.rs` for what it holds, `submit` and the closes here for changes).
pub struct Chain {
    passphrase: String,
    network_id: [u8; 32],
    state: State,
    store: Store,
    header: LedgerHeader,
    header_hash: [u8; 32],
    latest: LedgerRow,
    oldest_ledger: u32,
    retention_window: Option<u32>,
    clock: time::Clock,
    network: NetworkConfig,
    native_contract: [u8; 32],
    usdc_contract: [u8; 32],
    soroban_state_size: u64,
    modules: soroban_env_host::ModuleCache,
}

/// What `sendTransaction` reports.
pub enum Submission {
    /// Accepted (and, on localnet, already applied in a closed ledger).
    Pending {
        hash: [u8; 32],
    },
    Duplicate {
        hash: [u8; 32],
    },
    Error {
        hash: [u8; 32],
        result: TransactionResult,
        diagnostics: Vec<DiagnosticEvent>,
    },
}

impl Chain {
    /// The `LedgerInfo` the host sees for the next ledger.
    pub fn next_ledger_info(&self) -> LedgerInfo {
        let close_time = self.clock.next_close_time();
        ledger_info(
            &self.network,
            self.network_id,
            &self.header,
            self.header.ledger_seq + 1,
            close_time,
        )
    }

    /// Validates, applies and closes a ledger holding just this transaction.
    pub fn submit(&mut self, envelope: TransactionEnvelope) -> Result<Submission> {
        let hash = envelope
            .hash(self.network_id)
            .map_err(|e| anyhow!("cannot hash the envelope: {e}"))?;
        let frame = match TxFrame::parse(envelope, self.network_id) {
            Ok(f) => f,
            Err(code) => {
                let result = transaction::rejection(None, code, false, self.header.base_fee);
                return Ok(Submission::Error {
                    hash,
                    result,
                    diagnostics: vec![],
                });
            }
        };
        if self.store.get_tx(&hash)?.is_some() {
            return Ok(Submission::Duplicate { hash });
        }
        let seq = self.header.ledger_seq + 1;
        let close_time = self.clock.next_close_time();
        let info = ledger_info(
            &self.network,
            self.network_id,
            &self.header,
            seq,
            close_time,
        );
        let lctx = LedgerContext {
            network_id: self.network_id,
            base_fee: self.header.base_fee,
            base_reserve: self.header.base_reserve,
            close_time,
            wall_time: self.clock.wall(),
            ledger_seq: seq,
            network: &self.network,
        };
        self.cache_upstream_code(&frame);
        let mut ov = state::Overlay::new(&self.state, seq);
        if let Err(inv) = validation::check_valid(&frame, &ov, &lctx) {
            let result =
                transaction::rejection(Some(&frame), inv.code, inv.inner, self.header.base_fee);
            return Ok(Submission::Error {
                hash,
                result,
                diagnostics: vec![error_event(&inv.reason)],
            });
        }
        let actx = ApplyContext {
            classic: ClassicContext {
                ledger_seq: seq,
                base_reserve: self.header.base_reserve,
                network_id: self.network_id,
            },
            soroban: soroban::SorobanContext {
                ledger_info: info,
                network: &self.network,
                prng_seed: [0; 32],
                modules: Some(self.modules.clone()),
            },
            base_fee: self.header.base_fee,
            native_contract: self.native_contract,
        };
        let applied = transaction::apply(&mut ov, &actx, frame);
        let writes = ov.into_writes();
        self.close(vec![applied], writes, close_time)?;
        Ok(Submission::Pending { hash })
    }

    /// Closes a ledger with no transactions (time moves on).
    pub fn close_empty(&mut self) -> Result<()> {
        let t = self.clock.next_close_time();
        self.close(vec![], vec![], t)
    }

    /// Closes an empty ledger if none has closed for `interval` seconds, so that ledger
    /// time moves without traffic; says whether it closed one.
    pub fn close_if_idle(&mut self, interval: u64) -> Result<bool> {
        if self.clock.now() < self.latest.close_time + interval {
            return Ok(false);
        }
        self.close_empty()?;
        Ok(true)
    }

    /// `localnet_advanceTime`: moves the clock forward and closes a ledger at the new time.
    pub fn advance_time(&mut self, seconds: u64) -> Result<()> {
        self.clock.advance(seconds);
        self.close_empty()
    }

    fn close(
        &mut self,
        applied: Vec<AppliedTx>,
        mut writes: Vec<(Vec<u8>, Option<StoredEntry>)>,
        close_time: u64,
    ) -> Result<()> {
        let evicted = self.evict_expired_temporary(&mut writes);
        let mut digest = Sha256::new();
        digest.update(self.header.bucket_list_hash.0);
        let mut size = self.soroban_state_size;
        for (k, v) in &writes {
            digest.update(k);
            if let Some(v) = v {
                digest.update(v.entry.to_xdr(Limits::none()).unwrap_or_default());
            }
            size = size + soroban_size(v.as_ref()) - soroban_size(self.state.get(k));
        }
        let (header, row) = ledger::close(
            &self.header,
            self.header_hash,
            close_time,
            &applied,
            digest.finalize().into(),
            size,
            evicted,
        );
        let mut txs = vec![];
        for (i, t) in applied.iter().enumerate() {
            let tx_index = i as u32 + 1;
            txs.push(TxRow {
                hash: t.frame.hash,
                ledger: row.seq,
                application_order: tx_index,
                fee_bump: t.frame.fee_bump.is_some(),
                successful: t.successful,
                envelope: t.frame.envelope.to_xdr(Limits::none())?,
                result: t.result.to_xdr(Limits::none())?,
                meta: t.meta.to_xdr(Limits::none())?,
                diagnostic_events: t
                    .diagnostics
                    .iter()
                    .filter_map(|d| d.to_xdr(Limits::none()).ok())
                    .collect(),
                close_time,
            });
        }
        let events = events::index(row.seq, close_time, &applied);
        let prune_before =
            retention_cutoff(self.retention_window, row.seq).filter(|c| *c > self.oldest_ledger);
        self.store.commit_ledger(store::LedgerCommit {
            ledger: &row,
            writes: &writes,
            txs: &txs,
            events: &events,
            time_offset: self.clock.offset(),
            prune_before,
        })?;
        if let Some(cutoff) = prune_before {
            self.oldest_ledger = cutoff;
        }
        for (k, v) in writes {
            // New code joins the module cache at ledger close, as in core.
            if let Some(StoredEntry {
                entry:
                    soroban_env_host::xdr::LedgerEntry {
                        data: soroban_env_host::xdr::LedgerEntryData::ContractCode(code),
                        ..
                    },
                ..
            }) = &v
            {
                modules::add(
                    &self.modules,
                    &self.network,
                    self.header.ledger_version,
                    code.code.as_slice(),
                );
            }
            self.state.put(k, v);
        }
        self.soroban_state_size = size;
        self.header = header;
        self.header_hash = row.hash;
        self.clock.closed_at(close_time);
        self.latest = row;
        Ok(())
    }
}

/// The oldest ledger a retention window of `window` ledgers keeps once `latest` has
/// closed (stellar-rpc's rule: `latest + 1 - window`), if that prunes anything.
pub fn retention_cutoff(window: Option<u32>, latest: u32) -> Option<u32> {
    (latest + 1).checked_sub(window?).filter(|c| *c > 1)
}

/// How often (in ledgers) expired temporary entries are swept out of the state.
const EVICTION_PERIOD: u32 = 64;

impl Chain {
    /// Every `EVICTION_PERIOD` ledgers, deletes temporary entries past their TTL (they
    /// are already invisible; this keeps state and store from growing with dead nonces
    /// and allowances) and reports them as evicted in the close meta, with their TTL keys.
    fn evict_expired_temporary(
        &self,
        writes: &mut Vec<(Vec<u8>, Option<StoredEntry>)>,
    ) -> Vec<soroban_env_host::xdr::LedgerKey> {
        use soroban_env_host::xdr::{
            ContractDataDurability, LedgerEntryData, LedgerKey, LedgerKeyTtl,
        };
        let seq = self.header.ledger_seq + 1;
        if !seq.is_multiple_of(EVICTION_PERIOD) {
            return vec![];
        }
        let written: std::collections::HashSet<Vec<u8>> =
            writes.iter().map(|(k, _)| k.clone()).collect();
        let mut evicted = vec![];
        for (k, v) in self.state.iter() {
            let LedgerEntryData::ContractData(d) = &v.entry.data else {
                continue;
            };
            if d.durability != ContractDataDurability::Temporary
                || v.live_until.is_none_or(|l| l >= seq)
                || written.contains(k)
            {
                continue;
            }
            let key = v.entry.to_key();
            evicted.push(LedgerKey::Ttl(LedgerKeyTtl {
                key_hash: state::key_hash(&key).into(),
            }));
            evicted.push(key);
            writes.push((k.clone(), None));
        }
        evicted
    }
}

fn soroban_size(v: Option<&StoredEntry>) -> u64 {
    match v {
        Some(s) if s.live_until.is_some() => s
            .entry
            .to_xdr(Limits::none())
            .map(|b| b.len() as u64)
            .unwrap_or(0),
        _ => 0,
    }
}

fn state_entries_size(state: &State) -> u64 {
    state.iter().map(|(_, v)| soroban_size(Some(v))).sum()
}

pub fn ledger_info(
    network: &NetworkConfig,
    network_id: [u8; 32],
    header: &LedgerHeader,
    seq: u32,
    close_time: u64,
) -> LedgerInfo {
    let mut info = LedgerInfo {
        protocol_version: header.ledger_version,
        sequence_number: seq,
        timestamp: close_time,
        network_id,
        base_reserve: header.base_reserve,
        min_temp_entry_ttl: 0,
        min_persistent_entry_ttl: 0,
        max_entry_ttl: 0,
    };
    network.fill_config_fields_in_ledger_info(&mut info);
    info
}

/// A diagnostic event carrying a sentence, as core attaches to refused transactions.
pub fn error_event(reason: &str) -> DiagnosticEvent {
    let topics = vec![
        ScVal::Symbol(ScSymbol("error".try_into().expect("short"))),
        ScVal::Error(ScError::Value(ScErrorCode::InvalidInput)),
    ];
    DiagnosticEvent {
        in_successful_contract_call: false,
        event: ContractEvent {
            ext: ExtensionPoint::V0,
            contract_id: None,
            type_: ContractEventType::Diagnostic,
            body: ContractEventBody::V0(ContractEventV0 {
                topics: topics.try_into().expect("two topics"),
                data: ScVal::String(ScString(
                    reason.as_bytes().to_vec().try_into().unwrap_or_default(),
                )),
            }),
        },
    }
}

/// The trustline form of a classic asset.
pub fn classic_trustline_asset(
    asset: &soroban_env_host::xdr::Asset,
) -> soroban_env_host::xdr::TrustLineAsset {
    classic::trustline_asset(asset)
}
