//! The upstream Stellar RPC of a fork: JSON-RPC over the crate's HTTP client (a new
//! connection per call) and the three calls a fork needs: getNetwork,
//! getLatestLedger and getLedgerEntries.

use super::entry::StoredEntry;
use crate::api::types::{
    GetLatestLedgerResponse, GetLedgerEntriesRequest, GetLedgerEntriesResponse, GetNetworkResponse,
    MAX_LEDGER_ENTRY_KEYS,
};
use crate::client::{Client, Target};
use anyhow::{Context, Result};
use base64::{engine::general_purpose::STANDARD, Engine};
use serde::{de::DeserializeOwned, Serialize};
use soroban_env_host::xdr::{
    LedgerEntry, LedgerEntryData, LedgerEntryExt, LedgerHeader, LedgerKey, Limits, ReadXdr,
    WriteXdr,
};

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

    /// One JSON-RPC call, its answer read into the server's own response type; an RPC
    /// error or an answer of another shape becomes an error naming the method.
    pub fn call<R: DeserializeOwned>(&self, method: &str, params: impl Serialize) -> Result<R> {
        let answer = Client::new(self.authority.clone())
            .rpc(&self.path, method, params)
            .with_context(|| format!("{method} at {}", self.url))?;
        serde_json::from_value(answer)
            .with_context(|| format!("{method} at {}: unexpected answer", self.url))
    }

    /// The upstream's passphrase and latest header (its protocol, fees, sequence, time).
    pub fn tip(&self) -> Result<UpstreamTip> {
        let network: GetNetworkResponse = self.call("getNetwork", ())?;
        let latest: GetLatestLedgerResponse = self.call("getLatestLedger", ())?;
        let header = LedgerHeader::from_xdr_base64(&latest.header_xdr, Limits::none())
            .context("getLatestLedger: headerXdr")?;
        Ok(UpstreamTip {
            passphrase: network.passphrase,
            header,
        })
    }

    /// The entries of `keys` that exist upstream, with their live-until ledgers;
    /// batched in calls of at most 200 keys.
    pub fn ledger_entries(&self, keys: &[LedgerKey]) -> Result<Vec<StoredEntry>> {
        let mut out = vec![];
        for batch in keys.chunks(MAX_LEDGER_ENTRY_KEYS) {
            let texts: Vec<String> = batch
                .iter()
                .map(|k| k.to_xdr_base64(Limits::none()))
                .collect::<Result<_, _>>()?;
            let request = GetLedgerEntriesRequest { keys: Some(texts) };
            let answer: GetLedgerEntriesResponse = self.call("getLedgerEntries", request)?;
            for e in answer.entries {
                let data = LedgerEntryData::from_xdr_base64(&e.xdr, Limits::none())
                    .context("getLedgerEntries: xdr")?;
                let ext = match e.ext_xdr.as_str() {
                    "" => LedgerEntryExt::V0,
                    x => LedgerEntryExt::from_xdr(STANDARD.decode(x)?, Limits::none())
                        .unwrap_or(LedgerEntryExt::V0),
                };
                let entry = LedgerEntry {
                    last_modified_ledger_seq: e.last_modified_ledger_seq,
                    data,
                    ext,
                };
                out.push(StoredEntry {
                    entry,
                    live_until: e.live_until_ledger_seq,
                });
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
