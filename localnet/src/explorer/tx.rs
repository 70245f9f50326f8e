//! `/explorer/tx/<hash>`: a transaction decoded — envelope, operations, result, fee
//! breakdown, return value and events.

use super::display::{amount, asset, change_trust_asset, scval, xlm};
use super::{address_link, esc, link, table, Page};
use crate::api::rfc3339;
use crate::backend::frame::TxFrame;
use crate::backend::Chain;
use sha2::{Digest, Sha256};
use soroban_env_host::events::HostEvent;
use soroban_env_host::xdr::{
    ContractEvent, ContractEventBody, DiagnosticEvent, HostFunction, Limits, Memo, OperationBody,
    OperationResult, Preconditions, ReadXdr, SorobanTransactionMetaExt, TransactionEnvelope,
    TransactionMeta, TransactionResult, TransactionResultResult,
};

pub fn tx_page(c: &Chain, id: &str) -> Page {
    let Some(hash) = hex::decode(id)
        .ok()
        .and_then(|b| <[u8; 32]>::try_from(b).ok())
    else {
        return Page::problem(400, "A transaction hash is 64 hexadecimal characters.");
    };
    let row = match c.transaction(&hash) {
        Ok(Some(r)) => r,
        Ok(None) if c.oldest_ledger() > 1 => {
            return Page::problem(
                404,
                &format!(
                    "No transaction {id} since ledger {} (older history is not kept).",
                    c.oldest_ledger()
                ),
            )
        }
        Ok(None) => return Page::problem(404, &format!("No transaction {id} on this network.")),
        Err(e) => return Page::problem(500, &format!("cannot read the transaction: {e}")),
    };
    let decoded = (
        TransactionEnvelope::from_xdr(&row.envelope, Limits::none()),
        TransactionResult::from_xdr(&row.result, Limits::none()),
        TransactionMeta::from_xdr(&row.meta, Limits::none()),
    );
    let (Ok(envelope), Ok(result), Ok(meta)) = decoded else {
        return Page::problem(500, "the stored transaction does not decode");
    };
    let Ok(frame) = TxFrame::parse(envelope, c.network_id()) else {
        return Page::problem(500, "the stored envelope is not a v1 transaction");
    };
    let tx = &frame.tx;

    let status = if row.successful {
        "<span class=ok>SUCCESS</span>"
    } else {
        "<span class=failed>FAILED</span>"
    };
    let mut summary = vec![
        (
            "Status",
            format!("{status} ({})", esc(&result_code(&result.result))),
        ),
        (
            "Ledger",
            format!(
                "{} (#{} in it), {}",
                link("ledger", &row.ledger.to_string()),
                row.application_order,
                esc(&rfc3339(row.close_time))
            ),
        ),
        (
            "Source account",
            address_link(&tx.source_account.to_string()),
        ),
        ("Sequence number", tx.seq_num.0.to_string()),
        ("Memo", esc(&memo(&tx.memo))),
        ("Preconditions", esc(&preconditions(&tx.cond))),
        ("Signatures", frame.inner_signatures.len().to_string()),
    ];
    if let Some(fb) = &frame.fee_bump {
        summary.push((
            "Fee bump",
            format!(
                "paid by {} (max fee {})",
                address_link(&fb.fee_source.to_string()),
                esc(&xlm(fb.fee))
            ),
        ));
    }
    let mut body = table(&summary);

    body.push_str("<h2>Operations</h2><ol>");
    let op_results = match &result.result {
        TransactionResultResult::TxSuccess(r) | TransactionResultResult::TxFailed(r) => r.to_vec(),
        _ => vec![],
    };
    for (i, op) in tx.operations.iter().enumerate() {
        let source = op
            .source_account
            .as_ref()
            .map(|s| format!(" (source {})", address_link(&s.to_string())))
            .unwrap_or_default();
        let outcome = op_results
            .get(i)
            .map(|r| format!("<br>result: <code>{}</code>", esc(&op_result(r))))
            .unwrap_or_default();
        body.push_str(&format!(
            "<li><b>{}</b>{source}: {}{outcome}</li>",
            esc(op.body.name()),
            op_line(&op.body)
        ));
    }
    body.push_str("</ol>");

    body.push_str("<h2>Fees</h2>");
    let mut fees = vec![
        ("Maximum fee", esc(&xlm(frame.full_fee()))),
        ("Fee charged", esc(&xlm(result.fee_charged))),
    ];
    if let Some(data) = frame.soroban_data() {
        let r = &data.resources;
        fees.push(("Declared resource fee", esc(&xlm(data.resource_fee))));
        fees.push((
            "Declared resources",
            esc(&format!(
                "{} instructions, {} bytes read from disk, {} bytes written, footprint {} read-only + {} read-write entries",
                r.instructions, r.disk_read_bytes, r.write_bytes, r.footprint.read_only.len(), r.footprint.read_write.len()
            )),
        ));
    }
    let TransactionMeta::V4(meta) = meta else {
        return Page::ok(format!("Transaction {id}"), body);
    };
    if let Some(sm) = &meta.soroban_meta {
        if let SorobanTransactionMetaExt::V1(f) = &sm.ext {
            let resource = f.total_non_refundable_resource_fee_charged
                + f.total_refundable_resource_fee_charged;
            fees.push((
                "Non-refundable resource fee",
                esc(&xlm(f.total_non_refundable_resource_fee_charged)),
            ));
            fees.push((
                "Refundable fee used",
                esc(&format!(
                    "{} (of which rent {})",
                    xlm(f.total_refundable_resource_fee_charged),
                    xlm(f.rent_fee_charged)
                )),
            ));
            fees.push(("Inclusion fee", esc(&xlm(result.fee_charged - resource))));
        }
        if let Some(v) = &sm.return_value {
            fees.push(("Return value", format!("<code>{}</code>", esc(&scval(v)))));
        }
    }
    body.push_str(&table(&fees));

    body.push_str("<h2>Events</h2>");
    let mut events: Vec<(String, &ContractEvent)> = meta
        .events
        .iter()
        .map(|e| (esc(&format!("{:?}", e.stage)), &e.event))
        .collect();
    for (i, op) in meta.operations.iter().enumerate() {
        events.extend(
            op.events
                .iter()
                .map(|e| (format!("operation {}", i + 1), e)),
        );
    }
    body.push_str(&events_table(events.iter().map(|(w, e)| (w.as_str(), *e))));
    let diagnostics: Vec<DiagnosticEvent> = row
        .diagnostic_events
        .iter()
        .filter_map(|d| DiagnosticEvent::from_xdr(d, Limits::none()).ok())
        .collect();
    if !diagnostics.is_empty() {
        body.push_str(&format!(
            "<details><summary>{} diagnostic events</summary><ol>",
            diagnostics.len()
        ));
        for d in diagnostics {
            let text = HostEvent {
                event: d.event,
                failed_call: !d.in_successful_contract_call,
            }
            .to_string();
            body.push_str(&format!("<li><code>{}</code></li>", esc(&text)));
        }
        body.push_str("</ol></details>");
    }
    Page::ok(format!("Transaction {id}"), body)
}

/// A table of contract events: where (HTML, already escaped), contract, topics and data.
pub(super) fn events_table<'a>(
    events: impl Iterator<Item = (&'a str, &'a ContractEvent)>,
) -> String {
    let mut out =
        String::from("<table><tr><th>where</th><th>contract</th><th>topics</th><th>data</th></tr>");
    let mut any = false;
    for (place, e) in events {
        any = true;
        let contract = e
            .contract_id
            .as_ref()
            .map(|c| address_link(&c.to_string()))
            .unwrap_or_else(|| "—".into());
        let ContractEventBody::V0(b) = &e.body;
        let topics = b.topics.iter().map(scval).collect::<Vec<_>>().join(", ");
        out.push_str(&format!(
            "<tr><td>{}</td><td>{contract}</td><td><code>{}</code></td><td><code>{}</code></td></tr>",
            place,
            esc(&topics),
            esc(&scval(&b.data))
        ));
    }
    out.push_str("</table>");
    if any {
        out
    } else {
        "<p>None.</p>".into()
    }
}

/// One line saying what an operation does, with its addresses linked.
fn op_line(op: &OperationBody) -> String {
    match op {
        OperationBody::CreateAccount(o) => {
            format!(
                "create {} with {}",
                address_link(&o.destination.to_string()),
                esc(&xlm(o.starting_balance))
            )
        }
        OperationBody::Payment(o) => format!(
            "pay {} {} to {}",
            esc(&amount(o.amount as i128, 7)),
            esc(&asset(&o.asset)),
            address_link(&o.destination.to_string())
        ),
        OperationBody::ChangeTrust(o) => format!(
            "trust {} up to {}",
            esc(&change_trust_asset(&o.line)),
            esc(&amount(o.limit as i128, 7))
        ),
        OperationBody::InvokeHostFunction(o) => {
            let what = match &o.host_function {
                HostFunction::InvokeContract(a) => format!(
                    "call {}.<b>{}</b>(<code>{}</code>)",
                    address_link(&a.contract_address.to_string()),
                    esc(&a.function_name.to_utf8_string_lossy()),
                    esc(&a.args.iter().map(scval).collect::<Vec<_>>().join(", "))
                ),
                HostFunction::CreateContract(a) => format!(
                    "create a contract ({})",
                    esc(&format!("{:?}", a.executable))
                ),
                HostFunction::CreateContractV2(a) => format!(
                    "create a contract ({}) with arguments <code>{}</code>",
                    esc(&format!("{:?}", a.executable)),
                    esc(&a
                        .constructor_args
                        .iter()
                        .map(scval)
                        .collect::<Vec<_>>()
                        .join(", "))
                ),
                HostFunction::UploadContractWasm(w) => {
                    format!(
                        "upload {} bytes of Wasm, hash <code>{}</code>",
                        w.len(),
                        hex::encode(Sha256::digest(w.as_slice()))
                    )
                }
            };
            format!("{what}; {} authorization entries", o.auth.len())
        }
        other => format!(
            "<code>{}</code>",
            esc(&serde_json::to_string(other).unwrap_or_default())
        ),
    }
}

fn result_code(r: &TransactionResultResult) -> String {
    lower_first(r.name())
}

fn op_result(r: &OperationResult) -> String {
    serde_json::to_string(r).unwrap_or_else(|_| format!("{r:?}"))
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_lowercase().chain(c).collect())
        .unwrap_or_default()
}

fn memo(m: &Memo) -> String {
    match m {
        Memo::None => "none".into(),
        Memo::Text(t) => format!("text {:?}", t.to_utf8_string_lossy()),
        Memo::Id(n) => format!("id {n}"),
        Memo::Hash(h) => format!("hash {}", hex::encode(h.0)),
        Memo::Return(h) => format!("return {}", hex::encode(h.0)),
    }
}

fn preconditions(p: &Preconditions) -> String {
    let bounds = |t: &soroban_env_host::xdr::TimeBounds| {
        let max = if t.max_time.0 == 0 {
            "no limit".into()
        } else {
            rfc3339(t.max_time.0)
        };
        format!("valid from {} until {max}", rfc3339(t.min_time.0))
    };
    match p {
        Preconditions::None => "none".into(),
        Preconditions::Time(t) => bounds(t),
        Preconditions::V2(v) => {
            let time = v
                .time_bounds
                .as_ref()
                .map(bounds)
                .unwrap_or_else(|| "no time bounds".into());
            let ledgers = v
                .ledger_bounds
                .as_ref()
                .map(|l| format!(", ledgers {} to {}", l.min_ledger, l.max_ledger))
                .unwrap_or_default();
            format!("{time}{ledgers}")
        }
    }
}
