//! Network configuration at genesis: the numbers testnet runs with at protocol 28
//! (stellar-core `soroban-settings/testnet_settings_upgrade.json`), so fees, limits and
//! TTLs on localnet match what a dApp will meet on testnet. Settings that file does not
//! carry (state-size window, eviction iterator, freeze lists) take core's initial values.

/// `(const_term, linear_term)` per `ContractCostType`, in XDR order.
pub const CPU_COST_PARAMS: [(i64, i64); 86] = [
    (4, 0),
    (434, 16),
    (42, 16),
    (44, 16),
    (295, 0),
    (60, 0),
    (221, 26),
    (331, 4369),
    (3636, 7013),
    (40256, 0),
    (377551, 4059),
    (417482, 45712),
    (41142, 634),
    (1945, 0),
    (6481, 5943),
    (711, 0),
    (2314804, 0),
    (4176, 0),
    (4716, 0),
    (4680, 0),
    (4256, 0),
    (884, 0),
    (1059, 502),
    (73077, 25410),
    (0, 540752),
    (0, 176363),
    (0, 29989),
    (0, 1061449),
    (0, 237336),
    (0, 328476),
    (0, 701845),
    (0, 429383),
    (0, 28),
    (43030, 0),
    (0, 7556),
    (0, 10711),
    (0, 3300),
    (0, 0),
    (0, 23038),
    (0, 42488),
    (0, 828974),
    (0, 297100),
    (0, 14),
    (1882, 0),
    (3000906, 0),
    (661, 0),
    (985, 0),
    (1934, 0),
    (730510, 0),
    (5921, 0),
    (1057822, 0),
    (92642, 0),
    (100742, 0),
    (7689, 0),
    (2458985, 0),
    (2347584, 94135478),
    (1020885, 0),
    (2638451, 6803),
    (25207, 0),
    (7873219, 0),
    (7663880, 298580871),
    (1856539, 0),
    (6315452, 7232),
    (10558948, 632860943),
    (1994, 0),
    (1155, 0),
    (74, 0),
    (332, 0),
    (691, 74558),
    (35421, 0),
    (344, 0),
    (476, 0),
    (904, 0),
    (2811, 0),
    (1706052, 0),
    (61, 0),
    (3623, 0),
    (1150435, 0),
    (5263916, 392472814),
    (2052, 0),
    (1133, 0),
    (74, 0),
    (332, 0),
    (755, 68930),
    (33151, 0),
    (1185193, 41568084),
];

/// `(const_term, linear_term)` per `ContractCostType`, in XDR order.
pub const MEMORY_COST_PARAMS: [(i64, i64); 86] = [
    (0, 0),
    (16, 128),
    (0, 0),
    (0, 0),
    (0, 0),
    (0, 0),
    (242, 384),
    (0, 384),
    (0, 0),
    (0, 0),
    (0, 0),
    (132773, 4903),
    (69472, 1217),
    (14, 0),
    (0, 0),
    (0, 0),
    (181, 0),
    (99, 0),
    (99, 0),
    (99, 0),
    (99, 0),
    (99, 0),
    (0, 0),
    (17564, 6457),
    (0, 47464),
    (0, 13420),
    (0, 6285),
    (0, 64670),
    (0, 29074),
    (0, 48095),
    (0, 103229),
    (0, 36394),
    (0, 257),
    (70704, 0),
    (0, 14613),
    (0, 6833),
    (0, 1025),
    (0, 0),
    (0, 129632),
    (0, 13665),
    (0, 97637),
    (0, 9176),
    (0, 126),
    (0, 0),
    (0, 0),
    (0, 0),
    (0, 0),
    (0, 0),
    (0, 0),
    (0, 0),
    (0, 0),
    (0, 0),
    (0, 0),
    (0, 0),
    (0, 0),
    (109494, 266603),
    (2776, 0),
    (5896, 0),
    (0, 0),
    (0, 0),
    (219654, 266603),
    (1672, 0),
    (3960, 0),
    (2204, 9340474),
    (0, 0),
    (248, 0),
    (0, 0),
    (0, 0),
    (0, 128),
    (0, 0),
    (0, 0),
    (0, 0),
    (0, 0),
    (0, 0),
    (0, 0),
    (0, 0),
    (0, 0),
    (0, 0),
    (1821, 6232546),
    (0, 0),
    (312, 0),
    (0, 0),
    (0, 0),
    (0, 0),
    (0, 0),
    (73061, 229779),
];

pub const CONTRACT_MAX_SIZE_BYTES: u32 = 131072;
pub const CONTRACT_DATA_KEY_SIZE_BYTES: u32 = 250;
pub const CONTRACT_DATA_ENTRY_SIZE_BYTES: u32 = 65536;

pub const LEDGER_MAX_INSTRUCTIONS: i64 = 580000000;
pub const TX_MAX_INSTRUCTIONS: i64 = 400000000;
pub const FEE_RATE_PER_INSTRUCTIONS_INCREMENT: i64 = 7;
pub const TX_MEMORY_LIMIT: u32 = 41943040;

pub const LEDGER_MAX_DISK_READ_ENTRIES: u32 = 1000;
pub const LEDGER_MAX_DISK_READ_BYTES: u32 = 400000;
pub const LEDGER_MAX_WRITE_LEDGER_ENTRIES: u32 = 1000;
pub const LEDGER_MAX_WRITE_BYTES: u32 = 286720;
pub const TX_MAX_DISK_READ_ENTRIES: u32 = 200;
pub const TX_MAX_DISK_READ_BYTES: u32 = 200000;
pub const TX_MAX_WRITE_LEDGER_ENTRIES: u32 = 200;
pub const TX_MAX_WRITE_BYTES: u32 = 132096;
pub const FEE_DISK_READ_LEDGER_ENTRY: i64 = 1563;
pub const FEE_WRITE_LEDGER_ENTRY: i64 = 2500;
pub const FEE_DISK_READ_1KB: i64 = 447;
pub const SOROBAN_STATE_TARGET_SIZE_BYTES: i64 = 4000000000;
pub const RENT_FEE_1KB_STATE_SIZE_LOW: i64 = -17000;
pub const RENT_FEE_1KB_STATE_SIZE_HIGH: i64 = 10000;
pub const SOROBAN_STATE_RENT_FEE_GROWTH_FACTOR: u32 = 5000;

pub const FEE_HISTORICAL_1KB: i64 = 4059;
pub const TX_MAX_CONTRACT_EVENTS_SIZE_BYTES: u32 = 16384;
pub const FEE_CONTRACT_EVENTS_1KB: i64 = 5000;
pub const LEDGER_MAX_TXS_SIZE_BYTES: u32 = 266240;
pub const TX_MAX_SIZE_BYTES: u32 = 132096;
pub const FEE_TX_SIZE_1KB: i64 = 406;

pub const MAX_ENTRY_TTL: u32 = 3110400;
pub const MIN_TEMPORARY_TTL: u32 = 720;
pub const MIN_PERSISTENT_TTL: u32 = 120960;
pub const PERSISTENT_RENT_RATE_DENOMINATOR: i64 = 1215;
pub const TEMP_RENT_RATE_DENOMINATOR: i64 = 2430;
pub const MAX_ENTRIES_TO_ARCHIVE: u32 = 1000;
pub const STATE_SIZE_WINDOW_SAMPLE_SIZE: u32 = 30;
pub const STATE_SIZE_WINDOW_SAMPLE_PERIOD: u32 = 64;
pub const EVICTION_SCAN_SIZE: u32 = 500000;
pub const STARTING_EVICTION_SCAN_LEVEL: u32 = 7;

pub const LEDGER_MAX_TX_COUNT: u32 = 2000;
pub const LEDGER_MAX_DEPENDENT_TX_CLUSTERS: u32 = 2;
pub const TX_MAX_FOOTPRINT_ENTRIES: u32 = 400;
pub const FEE_WRITE_1KB: i64 = 875;

pub const LEDGER_TARGET_CLOSE_TIME_MS: u32 = 5000;
pub const NOMINATION_TIMEOUT_INITIAL_MS: u32 = 1000;
pub const NOMINATION_TIMEOUT_INCREMENT_MS: u32 = 1000;
pub const BALLOT_TIMEOUT_INITIAL_MS: u32 = 1000;
pub const BALLOT_TIMEOUT_INCREMENT_MS: u32 = 1000;
