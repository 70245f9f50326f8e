//! A local block explorer: small read-only HTML pages for a transaction, a ledger, an
//! account and a contract, at stable URLs (`/explorer/tx/<hash>`, `/explorer/ledger/<seq>`,
//! `/explorer/account/<G…>`, `/explorer/contract/<C…>`), so that the app's explorer
//! links work on `local`. Everything is decoded, nothing is base64, and every piece of
//! text is HTML-escaped: contract names, docs, strings and symbols are chosen by
//! whoever deployed the contract.

mod account;
mod contract;
pub mod display;
mod ledger;
mod tx;

pub use account::account_page;
pub use contract::{contract_page, wasm_spec};
pub use ledger::{index_page, ledger_page};
pub use tx::tx_page;

use crate::api::Api;
use crate::backend::Chain;
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

/// One rendered page: its HTTP status, title and body (already escaped HTML).
#[derive(Debug)]
pub struct Page {
    pub status: u16,
    pub title: String,
    pub body: String,
}

impl Page {
    pub fn ok(title: impl Into<String>, body: String) -> Page {
        Page {
            status: 200,
            title: title.into(),
            body,
        }
    }

    /// A page that says what is missing or wrong, in a sentence.
    pub fn problem(status: u16, sentence: &str) -> Page {
        Page {
            status,
            title: "Not found".into(),
            body: format!("<p class=problem>{}</p>", esc(sentence)),
        }
    }

    /// The whole document, with the navigation bar.
    pub fn html(&self, latest: u32) -> String {
        format!(
            "<!doctype html><html lang=en><head><meta charset=utf-8><title>{title} · localnet explorer</title>\
             <meta name=viewport content=\"width=device-width\"><style>{STYLE}</style></head><body>\
             <nav><a href=\"/explorer\">localnet explorer</a> · latest ledger \
             <a href=\"/explorer/ledger/{latest}\">{latest}</a></nav><main><h1>{title}</h1>{body}</main></body></html>",
            title = esc(&self.title),
            body = self.body,
        )
    }
}

const STYLE: &str = "body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#1b1b1f}nav{background:#1b1b1f;color:#eee;\
padding:.6em 1.2em}nav a{color:#fff}main{padding:0 1.2em 2em;max-width:72em}h1{font-size:1.3em;word-break:break-all}\
table{border-collapse:collapse;margin:.5em 0 1.2em}th,td{text-align:left;vertical-align:top;padding:.25em .8em .25em 0;\
border-bottom:1px solid #e4e4e8}th{font-weight:600;white-space:nowrap}code,pre{font:12px ui-monospace,monospace;\
word-break:break-all;white-space:pre-wrap}.problem{color:#a00}.failed{color:#a00}.ok{color:#070}";

/// Escapes text for HTML element content and quoted attributes.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A link inside the explorer; `kind` is tx, ledger, account or contract.
pub fn link(kind: &str, id: &str) -> String {
    format!("<a href=\"/explorer/{kind}/{}\">{}</a>", esc(id), esc(id))
}

/// A link to an account or contract address, plain text for other kinds of address.
pub fn address_link(addr: &str) -> String {
    match addr.chars().next() {
        Some('G') => link("account", addr),
        Some('C') => link("contract", addr),
        _ => esc(addr),
    }
}

/// Rows of a two-column table: (label, cell HTML).
pub fn table(rows: &[(&str, String)]) -> String {
    let mut out = String::from("<table>");
    for (label, cell) in rows {
        out.push_str(&format!("<tr><th>{}</th><td>{cell}</td></tr>", esc(label)));
    }
    out.push_str("</table>");
    out
}

/// The explorer's routes, merged into the node's router.
pub fn routes() -> Router<Api> {
    Router::new()
        .route("/explorer", get(|s: State<Api>| serve(s, index_page)))
        .route(
            "/explorer/tx/{hash}",
            get(|s: State<Api>, Path(id): Path<String>| serve(s, move |c| tx_page(c, &id))),
        )
        .route(
            "/explorer/ledger/{seq}",
            get(|s: State<Api>, Path(id): Path<String>| serve(s, move |c| ledger_page(c, &id))),
        )
        .route(
            "/explorer/account/{id}",
            get(|s: State<Api>, Path(id): Path<String>| serve(s, move |c| account_page(c, &id))),
        )
        .route(
            "/explorer/contract/{id}",
            get(|s: State<Api>, Path(id): Path<String>| serve(s, move |c| contract_page(c, &id))),
        )
}

async fn serve(
    State(api): State<Api>,
    render: impl FnOnce(&Chain) -> Page + Send + 'static,
) -> Response {
    let page = tokio::task::spawn_blocking(move || {
        let c = api.chain();
        let page = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| render(&c)))
            .unwrap_or_else(|_| Page::problem(500, "internal error while rendering this page"));
        (page.status, page.html(c.latest().seq))
    })
    .await;
    let (status, html) = page.unwrap_or((500, "internal error".into()));
    (
        StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            // Defence in depth on top of escaping: no scripts, no outside requests.
            (
                header::CONTENT_SECURITY_POLICY,
                "default-src 'none'; style-src 'unsafe-inline'",
            ),
        ],
        html,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_leaves_no_markup() {
        assert_eq!(
            esc("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
        assert!(!link("tx", "\"><img src=x>").contains("<img"));
        assert!(Page::problem(404, "<b>").html(1).contains("&lt;b&gt;"));
    }
}
