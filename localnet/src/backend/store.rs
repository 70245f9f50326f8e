//! Persistence: one SQLite database in WAL mode. Everything a ledger close produces
//! (entry writes, the header, transactions, events) is written in one SQLite
//! transaction, so a crash at any moment leaves either the whole ledger or none of it.

use super::entry::StoredEntry;
use anyhow::{Context, Result};
use rusqlite::{params, Connection, OptionalExtension};
use soroban_env_host::xdr::{LedgerEntry, Limits, ReadXdr, WriteXdr};
use std::path::Path;

mod queries;

pub struct Store {
    conn: Connection,
}

/// A closed ledger as stored: header and close meta in XDR.
#[derive(Clone, Debug)]
pub struct LedgerRow {
    pub seq: u32,
    pub hash: [u8; 32],
    pub close_time: u64,
    /// `LedgerHeaderHistoryEntry` XDR.
    pub header: Vec<u8>,
    /// `LedgerCloseMeta` XDR.
    pub meta: Vec<u8>,
}

#[derive(Clone, Debug)]
pub struct TxRow {
    pub hash: [u8; 32],
    pub ledger: u32,
    /// 1-based position in its ledger.
    pub application_order: u32,
    pub fee_bump: bool,
    pub successful: bool,
    pub envelope: Vec<u8>,
    pub result: Vec<u8>,
    pub meta: Vec<u8>,
    pub diagnostic_events: Vec<Vec<u8>>,
    pub close_time: u64,
}

#[derive(Clone, Debug)]
pub struct EventRow {
    pub ledger: u32,
    pub tx_index: u32,
    pub op_index: u32,
    pub event_index: u32,
    /// 0 contract, 1 system (diagnostic events are not indexed).
    pub kind: u8,
    pub contract_id: Option<[u8; 32]>,
    /// `ContractEvent` XDR.
    pub xdr: Vec<u8>,
    pub tx_hash: [u8; 32],
    pub successful: bool,
    pub close_time: u64,
}

/// What one ledger close writes.
pub struct LedgerCommit<'a> {
    pub ledger: &'a LedgerRow,
    pub writes: &'a [(Vec<u8>, Option<StoredEntry>)],
    pub txs: &'a [TxRow],
    pub events: &'a [EventRow],
    pub time_offset: i64,
    /// Delete the history (ledgers, transactions, events) before this ledger.
    pub prune_before: Option<u32>,
}

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS entries (key BLOB PRIMARY KEY, entry BLOB NOT NULL, live_until INTEGER);
CREATE TABLE IF NOT EXISTS ledgers (seq INTEGER PRIMARY KEY, hash BLOB NOT NULL, close_time INTEGER NOT NULL,
  header BLOB NOT NULL, meta BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS txs (hash BLOB PRIMARY KEY, ledger INTEGER NOT NULL, app_order INTEGER NOT NULL,
  fee_bump INTEGER NOT NULL, successful INTEGER NOT NULL, envelope BLOB NOT NULL, result BLOB NOT NULL,
  meta BLOB NOT NULL, diag BLOB NOT NULL, close_time INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS txs_by_ledger ON txs (ledger, app_order);
CREATE TABLE IF NOT EXISTS events (ledger INTEGER NOT NULL, tx_index INTEGER NOT NULL, op_index INTEGER NOT NULL,
  event_index INTEGER NOT NULL, kind INTEGER NOT NULL, contract_id BLOB, xdr BLOB NOT NULL, tx_hash BLOB NOT NULL,
  successful INTEGER NOT NULL, close_time INTEGER NOT NULL, PRIMARY KEY (ledger, tx_index, op_index, event_index));
CREATE TABLE IF NOT EXISTS kv (name TEXT PRIMARY KEY, value TEXT NOT NULL);
";

impl Store {
    /// Opens (creating if needed) `dir/localnet.sqlite`; `reset` deletes it first.
    pub fn open(dir: &Path, reset: bool) -> Result<Store> {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        let path = dir.join("localnet.sqlite");
        if reset {
            for suffix in ["", "-wal", "-shm"] {
                let p = dir.join(format!("localnet.sqlite{suffix}"));
                if p.exists() {
                    std::fs::remove_file(&p)?;
                }
            }
        }
        let conn =
            Connection::open(&path).with_context(|| format!("opening {}", path.display()))?;
        // WAL + NORMAL: a commit survives the process being killed (not a power cut),
        // which is the durability a local chain needs, at a fraction of FULL's cost.
        conn.execute_batch(
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=OFF;",
        )?;
        conn.execute_batch(SCHEMA)?;
        Ok(Store { conn })
    }

    pub fn kv_get(&self, name: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM kv WHERE name = ?1", [name], |r| r.get(0))
            .optional()?)
    }

    pub fn kv_set(&self, name: &str, value: &str) -> Result<()> {
        self.conn.execute(
            "INSERT INTO kv (name, value) VALUES (?1, ?2) ON CONFLICT(name) DO UPDATE SET value = ?2",
            params![name, value],
        )?;
        Ok(())
    }

    pub fn load_entries(&self) -> Result<Vec<(Vec<u8>, StoredEntry)>> {
        let mut stmt = self
            .conn
            .prepare("SELECT key, entry, live_until FROM entries")?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, Vec<u8>>(0)?,
                r.get::<_, Vec<u8>>(1)?,
                r.get::<_, Option<u32>>(2)?,
            ))
        })?;
        let mut out = vec![];
        for row in rows {
            let (key, entry, live_until) = row?;
            let entry = LedgerEntry::from_xdr(entry, Limits::none()).context("corrupt entry")?;
            out.push((key, StoredEntry { entry, live_until }));
        }
        Ok(out)
    }

    pub fn commit_ledger(&mut self, c: LedgerCommit) -> Result<()> {
        let tx = self.conn.transaction()?;
        {
            let mut put = tx.prepare_cached(
                "INSERT INTO entries (key, entry, live_until) VALUES (?1, ?2, ?3)
                 ON CONFLICT(key) DO UPDATE SET entry = ?2, live_until = ?3",
            )?;
            let mut del = tx.prepare_cached("DELETE FROM entries WHERE key = ?1")?;
            for (key, value) in c.writes {
                match value {
                    Some(v) => {
                        put.execute(params![key, v.entry.to_xdr(Limits::none())?, v.live_until])?;
                    }
                    None => {
                        del.execute(params![key])?;
                    }
                }
            }
            let l = c.ledger;
            tx.prepare_cached("INSERT INTO ledgers (seq, hash, close_time, header, meta) VALUES (?1, ?2, ?3, ?4, ?5)")?
                .execute(params![l.seq, &l.hash[..], l.close_time as i64, l.header, l.meta])?;
            let mut ins_tx = tx.prepare_cached(
                "INSERT OR REPLACE INTO txs (hash, ledger, app_order, fee_bump, successful, envelope, result, meta, diag, close_time)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?;
            for t in c.txs {
                ins_tx.execute(params![
                    &t.hash[..],
                    t.ledger,
                    t.application_order,
                    t.fee_bump,
                    t.successful,
                    t.envelope,
                    t.result,
                    t.meta,
                    encode_list(&t.diagnostic_events),
                    t.close_time as i64
                ])?;
            }
            let mut ins_ev = tx.prepare_cached(
                "INSERT INTO events (ledger, tx_index, op_index, event_index, kind, contract_id, xdr, tx_hash, successful, close_time)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?;
            for e in c.events {
                ins_ev.execute(params![
                    e.ledger,
                    e.tx_index,
                    e.op_index,
                    e.event_index,
                    e.kind,
                    e.contract_id.map(|c| c.to_vec()),
                    e.xdr,
                    &e.tx_hash[..],
                    e.successful,
                    e.close_time as i64
                ])?;
            }
            tx.prepare_cached(
                "INSERT INTO kv (name, value) VALUES ('time_offset', ?1) ON CONFLICT(name) DO UPDATE SET value = ?1",
            )?
            .execute(params![c.time_offset.to_string()])?;
            if let Some(cutoff) = c.prune_before {
                prune(&tx, cutoff)?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Deletes the history before `cutoff` at once (a retention window set at start-up).
    pub fn prune_history(&mut self, cutoff: u32) -> Result<()> {
        let tx = self.conn.transaction()?;
        prune(&tx, cutoff)?;
        tx.commit()?;
        Ok(())
    }

    pub fn latest_ledger(&self) -> Result<Option<LedgerRow>> {
        self.ledger_query(
            "SELECT seq, hash, close_time, header, meta FROM ledgers ORDER BY seq DESC LIMIT 1",
            params![],
        )
        .map(|mut v| v.pop())
    }

    pub fn oldest_ledger(&self) -> Result<Option<LedgerRow>> {
        self.ledger_query(
            "SELECT seq, hash, close_time, header, meta FROM ledgers ORDER BY seq ASC LIMIT 1",
            params![],
        )
        .map(|mut v| v.pop())
    }

    pub fn ledgers_from(&self, start: u32, limit: u32) -> Result<Vec<LedgerRow>> {
        self.ledger_query(
            "SELECT seq, hash, close_time, header, meta FROM ledgers WHERE seq >= ?1 ORDER BY seq LIMIT ?2",
            params![start, limit],
        )
    }

    pub fn ledger_close_time(&self, seq: u32) -> Result<Option<u64>> {
        Ok(self
            .conn
            .query_row(
                "SELECT close_time FROM ledgers WHERE seq = ?1",
                [seq],
                |r| r.get::<_, i64>(0),
            )
            .optional()?
            .map(|t| t as u64))
    }

    fn ledger_query(&self, sql: &str, p: impl rusqlite::Params) -> Result<Vec<LedgerRow>> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        let rows = stmt.query_map(p, |r| {
            let hash: Vec<u8> = r.get(1)?;
            Ok(LedgerRow {
                seq: r.get(0)?,
                hash: hash.try_into().unwrap_or([0; 32]),
                close_time: r.get::<_, i64>(2)? as u64,
                header: r.get(3)?,
                meta: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn get_tx(&self, hash: &[u8; 32]) -> Result<Option<TxRow>> {
        Ok(self.tx_query("WHERE hash = ?1", params![&hash[..]])?.pop())
    }

    /// Transactions from `(ledger, app_order)` on, in order.
    pub fn txs_from(&self, ledger: u32, app_order: u32, limit: u32) -> Result<Vec<TxRow>> {
        self.tx_query(
            "WHERE ledger > ?1 OR (ledger = ?1 AND app_order >= ?2) ORDER BY ledger, app_order LIMIT ?3",
            params![ledger, app_order, limit],
        )
    }

    fn tx_query(&self, clause: &str, p: impl rusqlite::Params) -> Result<Vec<TxRow>> {
        let sql = format!(
            "SELECT hash, ledger, app_order, fee_bump, successful, envelope, result, meta, diag, close_time FROM txs {clause}"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(p, |r| {
            let hash: Vec<u8> = r.get(0)?;
            let diag: Vec<u8> = r.get(8)?;
            Ok(TxRow {
                hash: hash.try_into().unwrap_or([0; 32]),
                ledger: r.get(1)?,
                application_order: r.get(2)?,
                fee_bump: r.get(3)?,
                successful: r.get(4)?,
                envelope: r.get(5)?,
                result: r.get(6)?,
                meta: r.get(7)?,
                diagnostic_events: decode_list(&diag),
                close_time: r.get::<_, i64>(9)? as u64,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Events with `start <= ledger < end`, from the cursor position on, in order.
    pub fn events_between(
        &self,
        start: (u32, u32, u32, u32),
        end_ledger: u32,
        limit: u32,
    ) -> Result<Vec<EventRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT ledger, tx_index, op_index, event_index, kind, contract_id, xdr, tx_hash, successful, close_time
             FROM events WHERE (ledger, tx_index, op_index, event_index) >= (?1, ?2, ?3, ?4) AND ledger < ?5
             ORDER BY ledger, tx_index, op_index, event_index LIMIT ?6",
        )?;
        let rows = stmt.query_map(
            params![start.0, start.1, start.2, start.3, end_ledger, limit],
            event_from_row,
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

const EVENT_COLUMNS: &str = "ledger, tx_index, op_index, event_index, kind, contract_id, xdr, tx_hash, successful, close_time";

fn event_from_row(r: &rusqlite::Row) -> rusqlite::Result<EventRow> {
    let cid: Option<Vec<u8>> = r.get(5)?;
    let h: Vec<u8> = r.get(7)?;
    Ok(EventRow {
        ledger: r.get(0)?,
        tx_index: r.get(1)?,
        op_index: r.get(2)?,
        event_index: r.get(3)?,
        kind: r.get(4)?,
        contract_id: cid.and_then(|c| c.try_into().ok()),
        xdr: r.get(6)?,
        tx_hash: h.try_into().unwrap_or([0; 32]),
        successful: r.get(8)?,
        close_time: r.get::<_, i64>(9)? as u64,
    })
}

fn prune(tx: &rusqlite::Transaction, cutoff: u32) -> Result<()> {
    tx.prepare_cached("DELETE FROM ledgers WHERE seq < ?1")?
        .execute([cutoff])?;
    tx.prepare_cached("DELETE FROM txs WHERE ledger < ?1")?
        .execute([cutoff])?;
    tx.prepare_cached("DELETE FROM events WHERE ledger < ?1")?
        .execute([cutoff])?;
    Ok(())
}

/// Length-prefixed concatenation: a list of XDR blobs in one column.
fn encode_list(items: &[Vec<u8>]) -> Vec<u8> {
    let mut out = vec![];
    for i in items {
        out.extend_from_slice(&(i.len() as u32).to_be_bytes());
        out.extend_from_slice(i);
    }
    out
}

fn decode_list(mut b: &[u8]) -> Vec<Vec<u8>> {
    let mut out = vec![];
    while b.len() >= 4 {
        let n = u32::from_be_bytes([b[0], b[1], b[2], b[3]]) as usize;
        if b.len() < 4 + n {
            break;
        }
        out.push(b[4..4 + n].to_vec());
        b = &b[4 + n..];
    }
    out
}
