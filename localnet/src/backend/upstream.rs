//! The upstream Stellar RPC of a fork: JSON-RPC over the crate's HTTP client (a new
//! connection per call) and the three calls a fork needs: getNetwork,
//! getLatestLedger and getLedgerEntries.

use super::state::StoredEntry;
use crate::client::{Client, Target};
use anyhow::{anyhow, Context, Result};
use base64::{engine::general_purpose::STANDARD, Engine};
use serde_json::{json, Value};
use soroban_env_host::xdr::{
    LedgerEntry, LedgerEntryData, LedgerEntryExt, LedgerHeader, LedgerKey, Limits, ReadXdr,
    WriteXdr,
};

/// stellar-rpc's limit on keys per getLedgerEntries call.
const MAX_KEYS: usize = 200;
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
        if !url.starts_with("http://") {
            anyhow::bail!("--fork-url {url:?}: only http:// upstreams are supported (put a TLS-terminating proxy before an https one)");
        }
        let Target { authority, path } =
            Target::parse(url).with_context(|| format!("--fork-url {url:?}"))?;
        Ok(Upstream {
            authority,
            path,
            url: url.to_string(),
        })
    }

    /// One JSON-RPC call; an RPC error becomes an error naming the method.
    pub fn call(&self, method: &str, params: Value) -> Result<Value> {
        Client::new(self.authority.clone())
            .rpc(&self.path, method, params)
            .with_context(|| format!("{method} at {}", self.url))
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
