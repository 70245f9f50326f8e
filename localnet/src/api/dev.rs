//! Friendbot, the USDC faucet and `/localnet`: dev conveniences answered by the same
//! `Api`. The transactions are the backend's (`backend/friendbot.rs`); here the query
//! strings are read and the answers shaped as the SDK expects them.

use super::encoding::{account_strkey, b64, contract_strkey, parse_account, parse_contract};
use super::Api;
use crate::backend::friendbot::MAX_FAUCET_USDC;
use crate::backend::genesis::{self, STROOPS};
use crate::backend::{FundError, Funded, Recipient};
use serde::Serialize;
use serde_json::Value;

const DEFAULT_FAUCET_USDC: &str = "1000";

/// An HTTP answer: status and JSON body.
pub type DevAnswer = (u16, Value);

/// A refusal, in Horizon's problem shape (what the SDK's friendbot helpers read).
#[derive(Serialize, Debug)]
pub struct Problem {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub title: &'static str,
    pub status: u16,
    pub detail: String,
}

/// A funding that landed, in friendbot's shape (snake_case, as Horizon's).
#[derive(Serialize, Debug)]
pub struct FundAnswer {
    pub successful: bool,
    pub hash: String,
    pub ledger: u32,
    pub envelope_xdr: String,
    pub result_xdr: String,
    pub result_meta_xdr: String,
}

/// `GET /localnet`.
#[derive(Serialize, Debug)]
#[serde(rename_all = "camelCase")]
pub struct LocalnetInfo {
    pub passphrase: String,
    pub rpc_url: String,
    pub friendbot_url: String,
    pub protocol_version: u32,
    pub assets: Vec<AssetInfo>,
}

#[derive(Serialize, Debug)]
#[serde(rename_all = "camelCase")]
pub struct AssetInfo {
    pub code: &'static str,
    /// `None` (null) for XLM.
    pub issuer: Option<String>,
    pub contract_id: String,
}

/// `GET /health`.
#[derive(Serialize, Debug)]
#[serde(rename_all = "camelCase")]
pub struct HealthAnswer {
    pub status: &'static str,
    pub latest_ledger: u32,
}

fn answer(status: u16, body: impl Serialize) -> DevAnswer {
    (status, serde_json::to_value(body).unwrap_or(Value::Null))
}

fn problem(status: u16, title: &'static str, detail: String) -> DevAnswer {
    answer(
        status,
        Problem {
            kind: "https://stellar.org/horizon-errors/transaction_failed",
            title,
            status,
            detail,
        },
    )
}

fn bad_request(detail: String) -> DevAnswer {
    problem(400, "Bad Request", detail)
}

fn funded(result: Result<Funded, FundError>) -> DevAnswer {
    match result {
        Ok(Funded { envelope, row }) => answer(
            200,
            FundAnswer {
                successful: true,
                hash: hex::encode(row.hash),
                ledger: row.ledger,
                envelope_xdr: super::encoding::xdr_b64(&envelope),
                result_xdr: b64(&row.result),
                result_meta_xdr: b64(&row.meta),
            },
        ),
        Err(FundError::Refused(m)) => bad_request(m),
        Err(FundError::Failed(m)) => problem(400, "Transaction Failed", m),
        Err(FundError::Internal(m)) => problem(500, "Internal Error", m),
    }
}

/// Parses a decimal amount with up to 7 decimals into base units.
pub fn parse_amount(s: &str) -> Option<i64> {
    let (whole, frac) = s.split_once('.').unwrap_or((s, ""));
    if whole.is_empty() && frac.is_empty()
        || frac.len() > 7
        || !whole
            .chars()
            .chain(frac.chars())
            .all(|c| c.is_ascii_digit())
    {
        return None;
    }
    let whole: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().ok()?
    };
    let frac: i64 = format!("{frac:0<7}").parse().ok()?;
    whole.checked_mul(STROOPS)?.checked_add(frac)
}

impl Api {
    /// `/friendbot?addr=G…|C…`: 10,000 XLM to a new account or a contract.
    pub fn friendbot(&self, addr: Option<&str>) -> DevAnswer {
        let Some(addr) = addr else {
            return bad_request("addr (a G… account address) is required".into());
        };
        let to = match (parse_account(addr), parse_contract(addr)) {
            (Some(key), _) => Recipient::Account(key),
            (_, Some(contract)) => Recipient::Contract(contract),
            _ => {
                return bad_request(format!(
                    "addr {addr:?} is neither a G… account nor a C… contract address"
                ))
            }
        };
        funded(self.chain().friendbot(to))
    }

    /// `/faucet?addr=G…&asset=USDC&amount=100`: test USDC from the issuer.
    pub fn faucet(
        &self,
        addr: Option<&str>,
        asset: Option<&str>,
        amount: Option<&str>,
    ) -> DevAnswer {
        let Some(key) = addr.and_then(parse_account) else {
            return bad_request("addr (a G… account address) is required".into());
        };
        match asset.unwrap_or("USDC") {
            "USDC" => {}
            other => {
                return bad_request(format!(
                    "unknown asset {other:?}: the faucet pays USDC (XLM comes from /friendbot)"
                ))
            }
        }
        let text = amount.unwrap_or(DEFAULT_FAUCET_USDC);
        let Some(units) = parse_amount(text).filter(|a| *a > 0 && *a <= MAX_FAUCET_USDC) else {
            return bad_request(format!(
                "amount {text:?} must be a decimal between 0.0000001 and 1000000"
            ));
        };
        funded(self.chain().faucet_usdc(key, units))
    }

    /// `GET /localnet`: what a client needs to connect, and the assets at genesis.
    pub fn localnet_info(&self) -> LocalnetInfo {
        let c = self.chain();
        let usdc_issuer = account_strkey(&genesis::public_key_of(&genesis::usdc_issuer_secret()));
        LocalnetInfo {
            passphrase: c.passphrase().to_string(),
            rpc_url: self.rpc_url.clone(),
            friendbot_url: self.friendbot_url.clone(),
            protocol_version: c.protocol_version(),
            assets: vec![
                AssetInfo {
                    code: "XLM",
                    issuer: None,
                    contract_id: contract_strkey(&c.native_contract()),
                },
                AssetInfo {
                    code: genesis::USDC_CODE,
                    issuer: Some(usdc_issuer),
                    contract_id: contract_strkey(&c.usdc_contract()),
                },
            ],
        }
    }

    /// `GET /health`.
    pub fn health(&self) -> HealthAnswer {
        HealthAnswer {
            status: "healthy",
            latest_ledger: self.chain().latest().seq,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::parse_amount;

    #[test]
    fn amounts_have_up_to_seven_decimals() {
        assert_eq!(parse_amount("1"), Some(10_000_000));
        assert_eq!(parse_amount("0.0000001"), Some(1));
        assert_eq!(parse_amount(".5"), Some(5_000_000));
        assert_eq!(parse_amount("12.25"), Some(122_500_000));
        for bad in [
            "",
            ".",
            "1.00000001",
            "-1",
            "1e3",
            "1,5",
            "99999999999999999999",
        ] {
            assert_eq!(parse_amount(bad), None, "{bad:?}");
        }
    }
}
