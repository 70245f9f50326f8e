//! The compiled-module cache core keeps for every live contract code entry. Applying
//! with it matters for fees, not just speed: a cached module is charged only for
//! instantiation, and simulation assumes a hit for code that is live, so applying
//! without the cache would cost more than simulation declared.

use super::state::State;
use soroban_env_host::budget::Budget;
use soroban_env_host::storage::Storage;
use soroban_env_host::xdr::LedgerEntryData;
use soroban_env_host::{Host, ModuleCache};
use soroban_simulation::NetworkConfig;

/// A host whose only job is to be the compilation context: a budget that will not
/// run out, and the network's cost model.
fn compilation_host(network: &NetworkConfig) -> Option<Host> {
    let budget = Budget::try_from_configs(
        u64::MAX / 4,
        u64::MAX / 4,
        network.cpu_cost_params.clone(),
        network.memory_cost_params.clone(),
    )
    .ok()?;
    Some(Host::with_storage_and_budget(Storage::default(), budget))
}

pub fn build(state: &State, network: &NetworkConfig, protocol: u32) -> ModuleCache {
    let Some(host) = compilation_host(network) else {
        return ModuleCache::default();
    };
    let Ok(cache) = ModuleCache::new(&host) else {
        return ModuleCache::default();
    };
    for (_, stored) in state.iter() {
        if let LedgerEntryData::ContractCode(code) = &stored.entry.data {
            add(&cache, network, protocol, code.code.as_slice());
        }
    }
    cache
}

/// Compiles `wasm` into the cache; code that fails to compile simply stays uncached.
pub fn add(cache: &ModuleCache, network: &NetworkConfig, protocol: u32, wasm: &[u8]) {
    if let Some(host) = compilation_host(network) {
        let _ = cache.parse_and_cache_module_simple(&host, protocol, wasm);
    }
}
