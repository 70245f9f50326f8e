//! Opening the chain: loading it from the store, or writing the genesis ledger.

use super::entry::StoredEntry;
use super::fork::{self, ForkPlan};
use super::ledger_snapshot::LedgerSnapshot;
use super::state::{self, State};
use super::store::{self, LedgerRow, Store};
use super::{
    dev, genesis, ledger, ledger_info, modules, soroban, soroban_size, state_entries_size, time,
};
use super::{Chain, ChainConfig};
use anyhow::{anyhow, Context, Result};
use soroban_env_host::xdr::{LedgerHeaderHistoryEntry, Limits, ReadXdr};
use soroban_simulation::NetworkConfig;

impl Chain {
    /// Opens the chain in `data_dir`, creating the genesis ledger if there is none.
    pub fn open(cfg: &ChainConfig) -> Result<Chain> {
        let store = Store::open(&cfg.data_dir, cfg.reset)?;
        let existing = store.latest_ledger()?;
        let (cfg, fork) = fork::plan(cfg, &store, existing.is_none())?;
        let cfg = &cfg;
        if let Some(p) = store.kv_get("passphrase")? {
            if p != cfg.passphrase {
                return Err(anyhow!(
                    "{} holds a network with passphrase {p:?}; use --reset to start over with {:?}",
                    cfg.data_dir.display(),
                    cfg.passphrase
                ));
            }
        }
        let network_id = genesis::network_id(&cfg.passphrase);
        let native_contract =
            dev::asset_contract_id(&soroban_env_host::xdr::Asset::Native, network_id);
        let usdc_contract = dev::asset_contract_id(&genesis::usdc_asset(), network_id);
        let mut chain = match (existing, &cfg.from_snapshot) {
            (Some(_), Some(_)) => {
                return Err(anyhow!(
                    "{} already holds a chain; --from-snapshot starts a new one (add --reset)",
                    cfg.data_dir.display()
                ))
            }
            (Some(latest), None) => Self::load(store, cfg, latest, fork)?,
            (None, from) => {
                let snapshot = from.as_deref().map(LedgerSnapshot::read_file).transpose()?;
                Self::create(store, cfg, snapshot, fork)?
            }
        };
        chain.native_contract = native_contract;
        chain.modules = modules::build(&chain.state, &chain.network, chain.header.ledger_version);
        chain.usdc_contract = usdc_contract;
        Ok(chain)
    }

    fn load(
        mut store: Store,
        cfg: &ChainConfig,
        latest: LedgerRow,
        fork: Option<ForkPlan>,
    ) -> Result<Chain> {
        let mut state = State::default();
        if let Some(f) = fork {
            state.fork_from(f.upstream);
        }
        let mut size = 0;
        for (k, v) in store.load_entries()? {
            size += soroban_size(Some(&v));
            state.put(k, Some(v));
        }
        let history = LedgerHeaderHistoryEntry::from_xdr(&latest.header, Limits::none())
            .context("corrupt header")?;
        let offset: i64 = store
            .kv_get("time_offset")?
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        let network =
            soroban::with_snapshot(&state, |s| NetworkConfig::load_from_snapshot(s.as_ref()))?;
        let mut oldest = store.oldest_ledger()?.map(|l| l.seq).unwrap_or(latest.seq);
        // A window given now (or made smaller) applies at once, not one ledger at a time.
        if let Some(cutoff) =
            super::retention_cutoff(cfg.retention_window, latest.seq).filter(|c| *c > oldest)
        {
            store.prune_history(cutoff)?;
            oldest = cutoff;
        }
        Ok(Chain {
            passphrase: cfg.passphrase.clone(),
            network_id: genesis::network_id(&cfg.passphrase),
            state,
            store,
            header: history.header,
            header_hash: latest.hash,
            clock: time::Clock::new(offset, latest.close_time),
            latest,
            oldest_ledger: oldest,
            retention_window: cfg.retention_window,
            network,
            native_contract: [0; 32],
            usdc_contract: [0; 32],
            soroban_state_size: size,
            modules: soroban_env_host::ModuleCache::default(),
        })
    }

    /// Writes the genesis ledger. From a snapshot, the chain starts at the snapshot's
    /// ledger and time (so TTLs and deadlines mean what they meant) and its entries
    /// are laid over genesis (network settings stay localnet's).
    fn create(
        mut store: Store,
        cfg: &ChainConfig,
        snapshot: Option<LedgerSnapshot>,
        fork: Option<ForkPlan>,
    ) -> Result<Chain> {
        let network_id = genesis::network_id(&cfg.passphrase);
        let mut state = State::default();
        let fork_url = fork.as_ref().map(|f| f.upstream.url.clone());
        let tip = fork.and_then(|f| {
            state.fork_from(f.upstream);
            f.tip
        });
        for e in genesis::genesis_entries(&cfg.passphrase) {
            // A fork reads its network settings through from the upstream.
            if tip.is_none()
                || !matches!(
                    e.entry.data,
                    soroban_env_host::xdr::LedgerEntryData::ConfigSetting(_)
                )
            {
                state.put(state::key_bytes(&e.entry.to_key()), Some(e));
            }
        }
        if tip.is_some() {
            fork::prefetch_settings(&state);
        }
        let network =
            soroban::with_snapshot(&state, |s| NetworkConfig::load_from_snapshot(s.as_ref()))?;
        let start = match (&tip, &snapshot) {
            (Some(t), _) => Some((t.header.ledger_seq, t.header.scp_value.close_time.0)),
            (None, Some(s)) => Some((s.sequence_number.max(1), s.timestamp)),
            (None, None) => None,
        };
        let start_seq = start.map(|s| s.0).unwrap_or(1);
        let behind = start
            .map(|s| s.1.saturating_sub(time::Clock::new(0, 0).now()))
            .unwrap_or(0);
        let clock = time::Clock::new(behind.min(i64::MAX as u64) as i64, 0);
        let mut header = ledger::genesis_header(genesis::TOTAL_COINS);
        if let Some(t) = &tip {
            header.ledger_version = t.header.ledger_version;
            header.base_fee = t.header.base_fee;
            header.base_reserve = t.header.base_reserve;
        }
        header.ledger_seq = start_seq;
        header.scp_value.close_time.0 = clock.now();
        let info = ledger_info(
            &network,
            network_id,
            &header,
            start_seq,
            header.scp_value.close_time.0,
        );
        let root = genesis::account_id(genesis::public_key_of(&genesis::root_secret(
            &cfg.passphrase,
        )));
        for asset in [soroban_env_host::xdr::Asset::Native, genesis::usdc_asset()] {
            if fork::contract_exists(&state, dev::asset_contract_id(&asset, network_id)) {
                continue;
            }
            for (k, v) in dev::deploy_asset_contract(&state, &network, &info, &root, asset)? {
                state.put(k, v);
            }
        }
        for e in snapshot
            .map(LedgerSnapshot::state_entries)
            .unwrap_or_default()
        {
            state.put(state::key_bytes(&e.entry.to_key()), Some(e));
        }
        let size: u64 = state_entries_size(&state);
        let row = ledger::genesis_row(&header, size);
        let writes: Vec<(Vec<u8>, Option<StoredEntry>)> = state
            .iter()
            .map(|(k, v)| (k.clone(), Some(v.clone())))
            .collect();
        store.kv_set("passphrase", &cfg.passphrase)?;
        if let Some(url) = &fork_url {
            store.kv_set("fork_url", url)?;
        }
        store.commit_ledger(store::LedgerCommit {
            ledger: &row,
            writes: &writes,
            txs: &[],
            events: &[],
            time_offset: clock.offset(),
            prune_before: None,
        })?;
        Ok(Chain {
            passphrase: cfg.passphrase.clone(),
            network_id,
            state,
            store,
            header_hash: row.hash,
            header,
            oldest_ledger: row.seq,
            retention_window: cfg.retention_window,
            latest: row,
            clock,
            network,
            native_contract: [0; 32],
            usdc_contract: [0; 32],
            soroban_state_size: size,
            modules: soroban_env_host::ModuleCache::default(),
        })
    }
}
