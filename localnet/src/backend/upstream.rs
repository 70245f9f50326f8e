//! The upstream Stellar RPC of a fork: a small blocking JSON-RPC client over plain
//! HTTP (one connection per call, HTTP/1.0 so that bodies are never chunked) and the
//! three calls a fork needs: getNetwork, getLatestLedger and getLedgerEntries.

use super::state::StoredEntry;
use anyhow::{anyhow, bail, Context, Result};
use base64::{engine::general_purpose::STANDARD, Engine};
use serde_json::{json, Value};
use soroban_env_host::xdr::{
    LedgerEntry, LedgerEntryData, LedgerEntryExt, LedgerHeader, LedgerKey, Limits, ReadXdr,
    WriteXdr,
};
use std::io::{Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::time::Duration;

/// stellar-rpc's limit on keys per getLedgerEntries call.
const MAX_KEYS: usize = 200;
/// Largest answer read (entries can hold 128 KiB of Wasm each).
const MAX_ANSWER: u64 = 64 * 1024 * 1024;

#[derive(Debug, Clone)]
pub struct Upstream {
    /// `host:port`
    authority: String,
    path: String,
    pub url: String,
}

/// What the fork takes from the upstream at its start.
pub struct UpstreamTip {
    pub passphrase: String,
    pub header: LedgerHeader,
}

impl Upstream {
    /// Parses `http://host:port/path`; https is not supported (no TLS client).
    pub fn new(url: &str) -> Result<Upstream> {
        let rest = url
            .strip_prefix("http://")
            .ok_or_else(|| anyhow!("--fork-url {url:?}: only http:// upstreams are supported (put a TLS-terminating proxy before an https one)"))?;
        let (authority, path) = match rest.find('/') {
            Some(i) => (&rest[..i], &rest[i..]),
            None => (rest, "/"),
        };
        if authority.is_empty() {
            bail!("--fork-url {url:?} has no host");
        }
        let authority = if authority.contains(':') {
            authority.to_string()
        } else {
            format!("{authority}:80")
        };
        Ok(Upstream {
            authority,
            path: path.to_string(),
            url: url.to_string(),
        })
    }

    /// One JSON-RPC call; an RPC error becomes an error naming the method.
    pub fn call(&self, method: &str, params: Value) -> Result<Value> {
        let body =
            json!({ "jsonrpc": "2.0", "id": 1, "method": method, "params": params }).to_string();
        let addr = self
            .authority
            .to_socket_addrs()?
            .next()
            .ok_or_else(|| anyhow!("cannot resolve {}", self.authority))?;
        let mut s = TcpStream::connect_timeout(&addr, Duration::from_secs(5))
            .with_context(|| format!("connecting to {}", self.url))?;
        s.set_read_timeout(Some(Duration::from_secs(30)))?;
        s.set_nodelay(true)?;
        let host = self.authority.trim_end_matches(":80");
        write!(
            s,
            "POST {} HTTP/1.0\r\nHost: {host}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
            self.path,
            body.len()
        )?;
        let mut raw = vec![];
        s.take(MAX_ANSWER).read_to_end(&mut raw)?;
        let split = raw
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .ok_or_else(|| anyhow!("{method}: no HTTP answer from {}", self.url))?;
        let status = String::from_utf8_lossy(&raw[..split])
            .split(' ')
            .nth(1)
            .unwrap_or_default()
            .to_string();
        if status != "200" {
            bail!("{method} at {}: HTTP {status}", self.url);
        }
        let answer: Value = serde_json::from_slice(&raw[split + 4..])
            .with_context(|| format!("{method}: the answer is not JSON"))?;
        if let Some(e) = answer.get("error") {
            bail!("{method} at {}: {}", self.url, e);
        }
        answer
            .get("result")
            .cloned()
            .ok_or_else(|| anyhow!("{method}: the answer has no result"))
    }

    /// The upstream's passphrase and latest header (its protocol, fees, sequence, time).
    pub fn tip(&self) -> Result<UpstreamTip> {
        let network = self.call("getNetwork", Value::Null)?;
        let passphrase = network["passphrase"]
            .as_str()
            .ok_or_else(|| anyhow!("getNetwork: no passphrase"))?
            .to_string();
        let latest = self.call("getLatestLedger", Value::Null)?;
        let header = latest["headerXdr"]
            .as_str()
            .ok_or_else(|| anyhow!("getLatestLedger: no headerXdr"))?;
        let header = LedgerHeader::from_xdr_base64(header, Limits::none())
            .context("getLatestLedger: headerXdr")?;
        Ok(UpstreamTip { passphrase, header })
    }

    /// The entries of `keys` that exist upstream, with their live-until ledgers;
    /// batched in calls of at most 200 keys.
    pub fn ledger_entries(&self, keys: &[LedgerKey]) -> Result<Vec<StoredEntry>> {
        let mut out = vec![];
        for batch in keys.chunks(MAX_KEYS) {
            let texts: Vec<String> = batch
                .iter()
                .map(|k| k.to_xdr_base64(Limits::none()))
                .collect::<Result<_, _>>()?;
            let answer = self.call("getLedgerEntries", json!({ "keys": texts }))?;
            for e in answer["entries"].as_array().into_iter().flatten() {
                let data = e["xdr"]
                    .as_str()
                    .ok_or_else(|| anyhow!("getLedgerEntries: an entry without xdr"))?;
                let data = LedgerEntryData::from_xdr_base64(data, Limits::none())
                    .context("getLedgerEntries: xdr")?;
                let ext = match e["extXdr"].as_str() {
                    Some(x) => LedgerEntryExt::from_xdr(STANDARD.decode(x)?, Limits::none())
                        .unwrap_or(LedgerEntryExt::V0),
                    None => LedgerEntryExt::V0,
                };
                let entry = LedgerEntry {
                    last_modified_ledger_seq: e["lastModifiedLedgerSeq"].as_u64().unwrap_or(0)
                        as u32,
                    data,
                    ext,
                };
                let live_until = e["liveUntilLedgerSeq"].as_u64().map(|l| l as u32);
                out.push(StoredEntry { entry, live_until });
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_http_with_a_host() {
        let u = Upstream::new("http://127.0.0.1:8000/rpc").unwrap();
        assert_eq!(
            (u.authority.as_str(), u.path.as_str()),
            ("127.0.0.1:8000", "/rpc")
        );
        assert_eq!(
            Upstream::new("http://rpc.local").unwrap().authority,
            "rpc.local:80"
        );
        assert!(Upstream::new("https://rpc.example")
            .unwrap_err()
            .to_string()
            .contains("only http://"));
        assert!(Upstream::new("http:///rpc").is_err());
    }
}
