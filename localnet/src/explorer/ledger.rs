//! `/explorer/ledger/<seq>` (a ledger's header and its transactions) and `/explorer`
//! (the newest ledgers and transactions).

use super::display::xlm;
use super::{address_link, esc, link, table, Page};
use crate::api::rfc3339;
use crate::backend::frame::TxFrame;
use crate::backend::store::TxRow;
use crate::backend::Chain;
use soroban_env_host::xdr::{
    LedgerHeaderHistoryEntry, Limits, ReadXdr, TransactionEnvelope, TransactionResult,
};

const RECENT: u32 = 15;

pub fn ledger_page(c: &Chain, id: &str) -> Page {
    let Some(seq) = id.parse::<u32>().ok().filter(|s| *s > 0) else {
        return Page::problem(
            400,
            "A ledger is named by its sequence number, a positive integer.",
        );
    };
    if seq > c.latest().seq {
        return Page::problem(
            404,
            &format!(
                "Ledger {seq} has not closed yet; the latest is {}.",
                c.latest().seq
            ),
        );
    }
    if seq < c.oldest_ledger() {
        return Page::problem(
            404,
            &format!(
                "Ledger {seq} is older than the history kept (from ledger {}).",
                c.oldest_ledger()
            ),
        );
    }
    let row = match c.ledgers_from(seq, 1) {
        Ok(mut rows) if !rows.is_empty() => rows.remove(0),
        Ok(_) => return Page::problem(404, &format!("No ledger {seq}.")),
        Err(e) => return Page::problem(500, &format!("cannot read the ledger: {e}")),
    };
    let Ok(history) = LedgerHeaderHistoryEntry::from_xdr(&row.header, Limits::none()) else {
        return Page::problem(500, "the stored header does not decode");
    };
    let h = &history.header;
    let previous = if seq > 1 {
        format!(
            "{} ({})",
            link("ledger", &(seq - 1).to_string()),
            hex::encode(h.previous_ledger_hash.0)
        )
    } else {
        "none (genesis)".into()
    };
    let txs = c.transactions_in_ledger(seq).unwrap_or_default();
    let mut body = table(&[
        ("Hash", format!("<code>{}</code>", hex::encode(row.hash))),
        ("Previous ledger", previous),
        (
            "Closed at",
            esc(&format!("{} ({})", rfc3339(row.close_time), row.close_time)),
        ),
        ("Protocol", h.ledger_version.to_string()),
        ("Base fee", format!("{} stroops", h.base_fee)),
        ("Base reserve", esc(&xlm(h.base_reserve as i64))),
        ("Fee pool", esc(&xlm(h.fee_pool))),
        ("Transactions", txs.len().to_string()),
    ]);
    if seq < c.latest().seq {
        body.push_str(&format!(
            "<p>Next: {}</p>",
            link("ledger", &(seq + 1).to_string())
        ));
    }
    body.push_str(&tx_list(c, &txs));
    Page::ok(format!("Ledger {seq}"), body)
}

pub fn index_page(c: &Chain) -> Page {
    let mut body =
        String::from("<h2>Latest ledgers</h2><table><tr><th>ledger</th><th>closed at</th></tr>");
    for l in c.recent_ledgers(RECENT).unwrap_or_default() {
        body.push_str(&format!(
            "<tr><td>{}</td><td>{}</td></tr>",
            link("ledger", &l.seq.to_string()),
            esc(&rfc3339(l.close_time))
        ));
    }
    body.push_str("</table><h2>Latest transactions</h2>");
    body.push_str(&tx_list(
        c,
        &c.recent_transactions(RECENT).unwrap_or_default(),
    ));
    let oldest = if c.oldest_ledger() > 1 {
        format!(" History is kept from ledger {}.", c.oldest_ledger())
    } else {
        String::new()
    };
    body.push_str(&format!(
        "<p>Network passphrase: <code>{}</code>.{}</p>",
        esc(c.passphrase()),
        esc(&oldest)
    ));
    Page::ok("localnet", body)
}

/// Transactions as rows: hash, ledger, source, operations, status, fee charged.
fn tx_list(c: &Chain, txs: &[TxRow]) -> String {
    if txs.is_empty() {
        return "<p>No transactions.</p>".into();
    }
    let mut out = String::from(
        "<table><tr><th>transaction</th><th>ledger</th><th>source</th><th>operations</th><th>status</th><th>fee</th></tr>",
    );
    for t in txs {
        let frame = TransactionEnvelope::from_xdr(&t.envelope, Limits::none())
            .ok()
            .and_then(|e| TxFrame::parse(e, c.network_id()).ok());
        let (source, ops) = match &frame {
            Some(f) => (
                address_link(&f.tx.source_account.to_string()),
                esc(&f
                    .tx
                    .operations
                    .iter()
                    .map(|o| o.body.name())
                    .collect::<Vec<_>>()
                    .join(", ")),
            ),
            None => ("?".into(), "?".into()),
        };
        let fee = TransactionResult::from_xdr(&t.result, Limits::none())
            .map(|r| xlm(r.fee_charged))
            .unwrap_or_default();
        out.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{source}</td><td>{ops}</td><td>{}</td><td>{}</td></tr>",
            link("tx", &hex::encode(t.hash)),
            link("ledger", &t.ledger.to_string()),
            if t.successful {
                "<span class=ok>SUCCESS</span>"
            } else {
                "<span class=failed>FAILED</span>"
            },
            esc(&fee)
        ));
    }
    out.push_str("</table>");
    out
}
