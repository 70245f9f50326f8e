//! The first ledger: root account (core's rule: seed = sha256(passphrase)), the network
//! configuration settings, the test USDC issuer, and the native and USDC Stellar Asset
//! Contracts (deployed by running the real host once, as a transaction would).

use super::entry::StoredEntry;
use super::network_settings as s;
use sha2::{Digest, Sha256};
use soroban_env_host::xdr::{
    AccountEntry, AccountEntryExt, AccountId, AlphaNum4, Asset, AssetCode4,
    ConfigSettingContractBandwidthV0, ConfigSettingContractComputeV0,
    ConfigSettingContractEventsV0, ConfigSettingContractExecutionLanesV0,
    ConfigSettingContractHistoricalDataV0, ConfigSettingContractLedgerCostExtV0,
    ConfigSettingContractLedgerCostV0, ConfigSettingContractParallelComputeV0, ConfigSettingEntry,
    ConfigSettingScpTiming, ContractCostParamEntry, ContractCostParams, EvictionIterator,
    ExtensionPoint, FreezeBypassTxs, FreezeBypassTxsDelta, FrozenLedgerKeys, FrozenLedgerKeysDelta,
    LedgerEntry, LedgerEntryData, LedgerEntryExt, PublicKey, SequenceNumber, StateArchivalSettings,
    String32, Thresholds, Uint256, VecM,
};

/// Stroops in one XLM.
pub const STROOPS: i64 = 10_000_000;
/// Core's genesis total: 100 billion XLM, all held by the root account.
pub const TOTAL_COINS: i64 = 1_000_000_000_000_000_000;
/// The base fee and reserve a fresh network has after quickstart's standard upgrades
/// (100 stroops, 0.5 XLM), which is what wallets and the SDK assume.
pub const BASE_FEE: u32 = 100;
pub const BASE_RESERVE: u32 = 5_000_000;
pub const PROTOCOL_VERSION: u32 = 28;
pub const GENESIS_LEDGER: u32 = 1;
/// The test USDC: 7 decimals like Circle's, issued by a dev key anyone can derive.
pub const USDC_CODE: &str = "USDC";
const USDC_ISSUER_SEED_TEXT: &str = "openescrow localnet USDC issuer";
/// XLM the USDC issuer starts with (it pays reserves and fees for faucet payments).
const ISSUER_START_BALANCE: i64 = 10_000 * STROOPS;

pub fn network_id(passphrase: &str) -> [u8; 32] {
    Sha256::digest(passphrase.as_bytes()).into()
}

/// Core derives the root account's secret from the passphrase, so every standalone
/// network with the same passphrase has the same root.
pub fn root_secret(passphrase: &str) -> [u8; 32] {
    network_id(passphrase)
}

pub fn usdc_issuer_secret() -> [u8; 32] {
    Sha256::digest(USDC_ISSUER_SEED_TEXT.as_bytes()).into()
}

pub fn public_key_of(secret: &[u8; 32]) -> [u8; 32] {
    ed25519_dalek::SigningKey::from_bytes(secret)
        .verifying_key()
        .to_bytes()
}

pub fn account_id(public_key: [u8; 32]) -> AccountId {
    AccountId(PublicKey::PublicKeyTypeEd25519(Uint256(public_key)))
}

pub fn usdc_asset() -> Asset {
    Asset::CreditAlphanum4(AlphaNum4 {
        asset_code: AssetCode4(*b"USDC"),
        issuer: account_id(public_key_of(&usdc_issuer_secret())),
    })
}

/// A fresh account as CreateAccount makes it: sequence number = ledger << 32.
pub fn new_account(id: AccountId, balance: i64, ledger: u32) -> LedgerEntry {
    LedgerEntry {
        last_modified_ledger_seq: ledger,
        data: LedgerEntryData::Account(AccountEntry {
            account_id: id,
            balance,
            seq_num: SequenceNumber((ledger as i64) << 32),
            num_sub_entries: 0,
            inflation_dest: None,
            flags: 0,
            home_domain: String32::default(),
            thresholds: Thresholds([1, 0, 0, 0]),
            signers: VecM::default(),
            ext: AccountEntryExt::V0,
        }),
        ext: LedgerEntryExt::V0,
    }
}

/// The classic and configuration entries of the genesis ledger (contracts come after).
pub fn genesis_entries(passphrase: &str) -> Vec<StoredEntry> {
    let root = account_id(public_key_of(&root_secret(passphrase)));
    let issuer = account_id(public_key_of(&usdc_issuer_secret()));
    let mut root_entry = new_account(root, TOTAL_COINS - ISSUER_START_BALANCE, GENESIS_LEDGER);
    if let LedgerEntryData::Account(a) = &mut root_entry.data {
        a.seq_num = SequenceNumber(0);
    }
    let mut out = vec![
        StoredEntry {
            entry: root_entry,
            live_until: None,
        },
        StoredEntry {
            entry: new_account(issuer, ISSUER_START_BALANCE, GENESIS_LEDGER),
            live_until: None,
        },
    ];
    for setting in config_settings() {
        out.push(StoredEntry {
            entry: LedgerEntry {
                last_modified_ledger_seq: GENESIS_LEDGER,
                data: LedgerEntryData::ConfigSetting(setting),
                ext: LedgerEntryExt::V0,
            },
            live_until: None,
        });
    }
    out
}

fn cost_params(table: &[(i64, i64)]) -> ContractCostParams {
    let entries: Vec<ContractCostParamEntry> = table
        .iter()
        .map(|&(c, l)| ContractCostParamEntry {
            ext: ExtensionPoint::V0,
            const_term: c,
            linear_term: l,
        })
        .collect();
    ContractCostParams(entries.try_into().expect("86 cost types fit"))
}

/// Every `ConfigSettingId` of protocol 28, with testnet's values.
pub fn config_settings() -> Vec<ConfigSettingEntry> {
    vec![
        ConfigSettingEntry::ContractMaxSizeBytes(s::CONTRACT_MAX_SIZE_BYTES),
        ConfigSettingEntry::ContractComputeV0(ConfigSettingContractComputeV0 {
            ledger_max_instructions: s::LEDGER_MAX_INSTRUCTIONS,
            tx_max_instructions: s::TX_MAX_INSTRUCTIONS,
            fee_rate_per_instructions_increment: s::FEE_RATE_PER_INSTRUCTIONS_INCREMENT,
            tx_memory_limit: s::TX_MEMORY_LIMIT,
        }),
        ConfigSettingEntry::ContractLedgerCostV0(ConfigSettingContractLedgerCostV0 {
            ledger_max_disk_read_entries: s::LEDGER_MAX_DISK_READ_ENTRIES,
            ledger_max_disk_read_bytes: s::LEDGER_MAX_DISK_READ_BYTES,
            ledger_max_write_ledger_entries: s::LEDGER_MAX_WRITE_LEDGER_ENTRIES,
            ledger_max_write_bytes: s::LEDGER_MAX_WRITE_BYTES,
            tx_max_disk_read_entries: s::TX_MAX_DISK_READ_ENTRIES,
            tx_max_disk_read_bytes: s::TX_MAX_DISK_READ_BYTES,
            tx_max_write_ledger_entries: s::TX_MAX_WRITE_LEDGER_ENTRIES,
            tx_max_write_bytes: s::TX_MAX_WRITE_BYTES,
            fee_disk_read_ledger_entry: s::FEE_DISK_READ_LEDGER_ENTRY,
            fee_write_ledger_entry: s::FEE_WRITE_LEDGER_ENTRY,
            fee_disk_read1_kb: s::FEE_DISK_READ_1KB,
            soroban_state_target_size_bytes: s::SOROBAN_STATE_TARGET_SIZE_BYTES,
            rent_fee1_kb_soroban_state_size_low: s::RENT_FEE_1KB_STATE_SIZE_LOW,
            rent_fee1_kb_soroban_state_size_high: s::RENT_FEE_1KB_STATE_SIZE_HIGH,
            soroban_state_rent_fee_growth_factor: s::SOROBAN_STATE_RENT_FEE_GROWTH_FACTOR,
        }),
        ConfigSettingEntry::ContractHistoricalDataV0(ConfigSettingContractHistoricalDataV0 {
            fee_historical1_kb: s::FEE_HISTORICAL_1KB,
        }),
        ConfigSettingEntry::ContractEventsV0(ConfigSettingContractEventsV0 {
            tx_max_contract_events_size_bytes: s::TX_MAX_CONTRACT_EVENTS_SIZE_BYTES,
            fee_contract_events1_kb: s::FEE_CONTRACT_EVENTS_1KB,
        }),
        ConfigSettingEntry::ContractBandwidthV0(ConfigSettingContractBandwidthV0 {
            ledger_max_txs_size_bytes: s::LEDGER_MAX_TXS_SIZE_BYTES,
            tx_max_size_bytes: s::TX_MAX_SIZE_BYTES,
            fee_tx_size1_kb: s::FEE_TX_SIZE_1KB,
        }),
        ConfigSettingEntry::ContractCostParamsCpuInstructions(cost_params(&s::CPU_COST_PARAMS)),
        ConfigSettingEntry::ContractCostParamsMemoryBytes(cost_params(&s::MEMORY_COST_PARAMS)),
        ConfigSettingEntry::ContractDataKeySizeBytes(s::CONTRACT_DATA_KEY_SIZE_BYTES),
        ConfigSettingEntry::ContractDataEntrySizeBytes(s::CONTRACT_DATA_ENTRY_SIZE_BYTES),
        ConfigSettingEntry::StateArchival(StateArchivalSettings {
            max_entry_ttl: s::MAX_ENTRY_TTL,
            min_temporary_ttl: s::MIN_TEMPORARY_TTL,
            min_persistent_ttl: s::MIN_PERSISTENT_TTL,
            persistent_rent_rate_denominator: s::PERSISTENT_RENT_RATE_DENOMINATOR,
            temp_rent_rate_denominator: s::TEMP_RENT_RATE_DENOMINATOR,
            max_entries_to_archive: s::MAX_ENTRIES_TO_ARCHIVE,
            live_soroban_state_size_window_sample_size: s::STATE_SIZE_WINDOW_SAMPLE_SIZE,
            live_soroban_state_size_window_sample_period: s::STATE_SIZE_WINDOW_SAMPLE_PERIOD,
            eviction_scan_size: s::EVICTION_SCAN_SIZE,
            starting_eviction_scan_level: s::STARTING_EVICTION_SCAN_LEVEL,
        }),
        ConfigSettingEntry::ContractExecutionLanes(ConfigSettingContractExecutionLanesV0 {
            ledger_max_tx_count: s::LEDGER_MAX_TX_COUNT,
        }),
        // A fresh network's window holds its (empty) state size; the rent write fee then
        // sits at its floor, as on a young network.
        ConfigSettingEntry::LiveSorobanStateSizeWindow(
            vec![0u64; s::STATE_SIZE_WINDOW_SAMPLE_SIZE as usize]
                .try_into()
                .expect("window fits"),
        ),
        ConfigSettingEntry::EvictionIterator(EvictionIterator {
            bucket_list_level: s::STARTING_EVICTION_SCAN_LEVEL,
            is_curr_bucket: true,
            bucket_file_offset: 0,
        }),
        ConfigSettingEntry::ContractParallelComputeV0(ConfigSettingContractParallelComputeV0 {
            ledger_max_dependent_tx_clusters: s::LEDGER_MAX_DEPENDENT_TX_CLUSTERS,
        }),
        ConfigSettingEntry::ContractLedgerCostExtV0(ConfigSettingContractLedgerCostExtV0 {
            tx_max_footprint_entries: s::TX_MAX_FOOTPRINT_ENTRIES,
            fee_write1_kb: s::FEE_WRITE_1KB,
        }),
        ConfigSettingEntry::ScpTiming(ConfigSettingScpTiming {
            ledger_target_close_time_milliseconds: s::LEDGER_TARGET_CLOSE_TIME_MS,
            nomination_timeout_initial_milliseconds: s::NOMINATION_TIMEOUT_INITIAL_MS,
            nomination_timeout_increment_milliseconds: s::NOMINATION_TIMEOUT_INCREMENT_MS,
            ballot_timeout_initial_milliseconds: s::BALLOT_TIMEOUT_INITIAL_MS,
            ballot_timeout_increment_milliseconds: s::BALLOT_TIMEOUT_INCREMENT_MS,
        }),
        ConfigSettingEntry::FrozenLedgerKeys(FrozenLedgerKeys {
            keys: VecM::default(),
        }),
        ConfigSettingEntry::FrozenLedgerKeysDelta(FrozenLedgerKeysDelta {
            keys_to_freeze: VecM::default(),
            keys_to_unfreeze: VecM::default(),
        }),
        ConfigSettingEntry::FreezeBypassTxs(FreezeBypassTxs {
            tx_hashes: VecM::default(),
        }),
        ConfigSettingEntry::FreezeBypassTxsDelta(FreezeBypassTxsDelta {
            add_txs: VecM::default(),
            remove_txs: VecM::default(),
        }),
    ]
}
