//! Fork mode: a chain whose missing entries are read from an upstream Stellar RPC.
//! At its start it takes the upstream's passphrase, protocol, fees, ledger sequence
//! and time, and its network settings (read through, never copied); local writes
//! shadow the upstream, and friendbot pays from a local root.

use super::entry::StoredEntry;
use super::frame::TxFrame;
use super::state::{key_bytes, State};
use super::store::Store;
use super::upstream::{Upstream, UpstreamTip};
use super::{modules, Chain, ChainConfig};
use anyhow::{anyhow, bail, Result};
use soroban_env_host::xdr::{
    ConfigSettingId, ContractDataDurability, ContractId, Hash, LedgerKey, LedgerKeyConfigSetting,
    LedgerKeyContractData, ScAddress, ScVal,
};

/// The newest protocol localnet's host runs.
const MAX_PROTOCOL: u32 = super::genesis::PROTOCOL_VERSION;

/// What opening a chain needs to know about its fork, if it is one.
pub struct ForkPlan {
    pub upstream: Upstream,
    /// The upstream's tip, for a chain being created (none when reopening one).
    pub tip: Option<UpstreamTip>,
}

/// Resolves `--fork-url` against what the data dir remembers, and for a new chain
/// reads the upstream's tip. Returns the config to open with (the upstream's
/// passphrase) and the plan.
pub fn plan(
    cfg: &ChainConfig,
    store: &Store,
    creating: bool,
) -> Result<(ChainConfig, Option<ForkPlan>)> {
    let remembered = store.kv_get("fork_url")?;
    let url = match (&cfg.fork_url, &remembered) {
        (Some(a), Some(b)) if a != b => bail!(
            "{} holds a fork of {b}; use --reset to fork {a}",
            cfg.data_dir.display()
        ),
        (Some(_), None) if !creating => bail!(
            "{} holds a chain that is not a fork; use --reset to fork",
            cfg.data_dir.display()
        ),
        (a, b) => a.clone().or(b.clone()),
    };
    let Some(url) = url else {
        return Ok((cfg.clone(), None));
    };
    let upstream = Upstream::new(&url)?;
    let mut cfg = cfg.clone();
    if !creating {
        cfg.passphrase = store.kv_get("passphrase")?.unwrap_or(cfg.passphrase);
        return Ok((
            cfg,
            Some(ForkPlan {
                upstream,
                tip: None,
            }),
        ));
    }
    let tip = upstream
        .tip()
        .map_err(|e| anyhow!("reading the upstream to fork: {e:#}"))?;
    if tip.header.ledger_version > MAX_PROTOCOL {
        bail!(
            "the upstream runs protocol {}; localnet's host runs up to {MAX_PROTOCOL}",
            tip.header.ledger_version
        );
    }
    cfg.passphrase = tip.passphrase.clone();
    Ok((
        cfg,
        Some(ForkPlan {
            upstream,
            tip: Some(tip),
        }),
    ))
}

/// The keys of every network setting, read through from the upstream in one batch.
pub fn prefetch_settings(state: &State) {
    let keys: Vec<LedgerKey> = ConfigSettingId::VARIANTS
        .iter()
        .map(|id| {
            LedgerKey::ConfigSetting(LedgerKeyConfigSetting {
                config_setting_id: *id,
            })
        })
        .collect();
    state.prefetch(&keys);
}

/// Whether a contract's instance exists (here or upstream): the asset contracts a
/// network already has are not deployed again.
pub fn contract_exists(state: &State, id: [u8; 32]) -> bool {
    let key = LedgerKey::ContractData(LedgerKeyContractData {
        contract: ScAddress::Contract(ContractId(Hash(id))),
        key: ScVal::LedgerKeyContractInstance,
        durability: ContractDataDurability::Persistent,
    });
    state.lookup(&key_bytes(&key)).is_some()
}

impl Chain {
    /// Fork mode: fetches a Soroban transaction's footprint in one batch and compiles
    /// upstream code it runs into the module cache, as core has every live module
    /// compiled (simulation assumed so; a miss would cost more than it declared).
    pub(super) fn cache_upstream_code(&self, frame: &TxFrame) {
        let (Some(_), Some(data)) = (self.state.upstream(), frame.soroban_data()) else {
            return;
        };
        let fp = &data.resources.footprint;
        let keys: Vec<_> = fp
            .read_only
            .iter()
            .chain(fp.read_write.iter())
            .cloned()
            .collect();
        self.state.prefetch(&keys);
        for k in &keys {
            let LedgerKey::ContractCode(c) = k else {
                continue;
            };
            if self.modules.contains_module(&c.hash).unwrap_or(true) {
                continue;
            }
            if let Some(StoredEntry {
                entry:
                    soroban_env_host::xdr::LedgerEntry {
                        data: soroban_env_host::xdr::LedgerEntryData::ContractCode(code),
                        ..
                    },
                ..
            }) = self.state.lookup(&key_bytes(k))
            {
                modules::add(
                    &self.modules,
                    &self.network,
                    self.header.ledger_version,
                    code.code.as_slice(),
                );
            }
        }
    }
}
