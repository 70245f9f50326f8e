//! `/explorer/account/<G…>`: balance, thresholds, signers, trustlines and the
//! account's latest transactions.

use super::display::{amount, trustline_asset, xlm};
use super::{esc, link, table, Page};
use crate::api::parse_account;
use crate::backend::accounts::account_id;
use crate::backend::frame::TxFrame;
use crate::backend::Chain;
use soroban_env_host::xdr::{Limits, ReadXdr, TransactionEnvelope};

/// How many of the newest transactions are searched for the account's own.
const SCANNED_TXS: u32 = 1000;

pub fn account_page(c: &Chain, id: &str) -> Page {
    let Some(key) = parse_account(id) else {
        return Page::problem(
            400,
            "An account address is a G… StrKey (56 characters, valid checksum).",
        );
    };
    let who = account_id(key);
    let Some(a) = c.account(&who) else {
        return Page::problem(
            404,
            &format!("No account {id} on this network (fund it with /friendbot)."),
        );
    };
    let t = &a.thresholds.0;
    let flags = [
        (1, "auth required"),
        (2, "auth revocable"),
        (4, "auth immutable"),
        (8, "clawback enabled"),
    ]
    .iter()
    .filter(|(bit, _)| a.flags & bit != 0)
    .map(|(_, name)| *name)
    .collect::<Vec<_>>();
    let mut body = table(&[
        ("Balance", esc(&xlm(a.balance))),
        ("Sequence number", a.seq_num.0.to_string()),
        ("Subentries", a.num_sub_entries.to_string()),
        (
            "Thresholds",
            format!(
                "master key weight {}, low {}, medium {}, high {}",
                t[0], t[1], t[2], t[3]
            ),
        ),
        (
            "Flags",
            esc(&if flags.is_empty() {
                "none".to_string()
            } else {
                flags.join(", ")
            }),
        ),
        ("Home domain", esc(&a.home_domain.to_utf8_string_lossy())),
    ]);

    body.push_str("<h2>Signers</h2><table><tr><th>key</th><th>weight</th></tr>");
    body.push_str(&format!(
        "<tr><td>{} (master key)</td><td>{}</td></tr>",
        esc(id),
        t[0]
    ));
    for s in a.signers.iter() {
        body.push_str(&format!(
            "<tr><td>{}</td><td>{}</td></tr>",
            esc(&s.key.to_string()),
            s.weight
        ));
    }
    body.push_str("</table>");

    body.push_str("<h2>Trustlines</h2>");
    let mut lines: Vec<String> = c
        .trustlines(&who)
        .iter()
        .map(|l| {
            format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&trustline_asset(&l.asset)),
                esc(&amount(l.balance as i128, 7)),
                esc(&amount(l.limit as i128, 7)),
                if l.flags & 1 != 0 { "yes" } else { "no" }
            )
        })
        .collect();
    lines.sort();
    if lines.is_empty() {
        body.push_str("<p>None.</p>");
    } else {
        body.push_str(
            "<table><tr><th>asset</th><th>balance</th><th>limit</th><th>authorized</th></tr>",
        );
        body.push_str(&lines.concat());
        body.push_str("</table>");
    }

    body.push_str("<h2>Latest transactions it sent or paid for</h2><ul>");
    let mut any = false;
    for row in c.recent_transactions(SCANNED_TXS).unwrap_or_default() {
        let Ok(env) = TransactionEnvelope::from_xdr(&row.envelope, Limits::none()) else {
            continue;
        };
        let Ok(frame) = TxFrame::parse(env, c.network_id()) else {
            continue;
        };
        if frame.source() == who || frame.fee_source() == who {
            any = true;
            body.push_str(&format!(
                "<li>{} in ledger {}</li>",
                link("tx", &hex::encode(row.hash)),
                link("ledger", &row.ledger.to_string())
            ));
        }
    }
    body.push_str(if any {
        "</ul>"
    } else {
        "</ul><p>None in the history kept.</p>"
    });
    Page::ok(format!("Account {id}"), body)
}
