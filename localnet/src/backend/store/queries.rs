//! Reads for the explorer: a ledger's transactions, the newest ledgers and
//! transactions, and a contract's latest events.

use super::{event_from_row, EventRow, LedgerRow, Store, TxRow, EVENT_COLUMNS};
use anyhow::Result;
use rusqlite::params;

impl Store {
    /// The transactions of one ledger, in application order.
    pub fn txs_in_ledger(&self, seq: u32) -> Result<Vec<TxRow>> {
        self.tx_query("WHERE ledger = ?1 ORDER BY app_order", params![seq])
    }

    /// The newest transactions, newest first.
    pub fn recent_txs(&self, limit: u32) -> Result<Vec<TxRow>> {
        self.tx_query(
            "ORDER BY ledger DESC, app_order DESC LIMIT ?1",
            params![limit],
        )
    }

    /// The newest ledgers, newest first.
    pub fn recent_ledgers(&self, limit: u32) -> Result<Vec<LedgerRow>> {
        self.ledger_query(
            "SELECT seq, hash, close_time, header, meta FROM ledgers ORDER BY seq DESC LIMIT ?1",
            params![limit],
        )
    }

    /// A contract's newest events, newest first (a scan: fine for a local chain).
    pub fn contract_events(&self, contract: &[u8; 32], limit: u32) -> Result<Vec<EventRow>> {
        let sql = format!(
            "SELECT {EVENT_COLUMNS} FROM events WHERE contract_id = ?1
             ORDER BY ledger DESC, tx_index DESC, op_index DESC, event_index DESC LIMIT ?2"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params![&contract[..], limit], event_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
