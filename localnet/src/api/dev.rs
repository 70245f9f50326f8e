//! Friendbot and the USDC faucet: dev conveniences answered by the same `Api`, each a
//! transaction signed with a dev key and submitted through the normal path.

use super::encoding::{parse_account, xdr_b64};
use super::Api;
use crate::backend::accounts::{account_id, load_account, load_trustline};
use crate::backend::dev::signed_transaction;
use crate::backend::genesis::{self, STROOPS};
use crate::backend::state::Overlay;
use crate::backend::Submission;
use serde_json::{json, Value};
use soroban_env_host::xdr::{
    CreateAccountOp, CreateAccountResult, MuxedAccount, OperationBody, OperationResult,
    OperationResultTr, PaymentOp, TransactionResultResult, Uint256,
};

/// What friendbot gives: 10,000 XLM, like testnet's.
const FRIENDBOT_AMOUNT: i64 = 10_000 * STROOPS;
const DEFAULT_FAUCET_USDC: &str = "1000";
const MAX_FAUCET_USDC: i64 = 1_000_000 * STROOPS;

/// An HTTP answer: status and JSON body.
pub type DevAnswer = (u16, Value);

fn problem(status: u16, title: &str, detail: String) -> DevAnswer {
    (
        status,
        json!({ "type": "https://stellar.org/horizon-errors/transaction_failed", "title": title, "status": status, "detail": detail }),
    )
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
    pub fn friendbot(&self, addr: Option<&str>) -> DevAnswer {
        let Some(addr) = addr else {
            return problem(
                400,
                "Bad Request",
                "addr (a G… account address) is required".into(),
            );
        };
        if let Some(contract) = super::encoding::parse_contract(addr) {
            return self.fund_contract(contract);
        }
        let Some(key) = parse_account(addr) else {
            return problem(
                400,
                "Bad Request",
                format!("addr {addr:?} is neither a G… account nor a C… contract address"),
            );
        };
        let mut c = self.chain();
        let root_secret = genesis::root_secret(&c.passphrase);
        let root = account_id(genesis::public_key_of(&root_secret));
        let ov = Overlay::new(&c.state, c.latest.seq);
        if load_account(&ov, &account_id(key)).is_some() {
            return problem(
                400,
                "Transaction Failed",
                "createAccountAlreadyExist: the account already exists".into(),
            );
        }
        let seq = load_account(&ov, &root)
            .map(|a| a.seq_num.0 + 1)
            .unwrap_or(1);
        drop(ov);
        let op = OperationBody::CreateAccount(CreateAccountOp {
            destination: account_id(key),
            starting_balance: FRIENDBOT_AMOUNT,
        });
        let env = signed_transaction(&root_secret, seq, vec![op], c.network_id);
        self.submit_dev(&mut c, env)
    }

    pub fn faucet(
        &self,
        addr: Option<&str>,
        asset: Option<&str>,
        amount: Option<&str>,
    ) -> DevAnswer {
        let Some(key) = addr.and_then(parse_account) else {
            return problem(
                400,
                "Bad Request",
                "addr (a G… account address) is required".into(),
            );
        };
        match asset.unwrap_or("USDC") {
            "USDC" => {}
            other => {
                return problem(
                    400,
                    "Bad Request",
                    format!(
                        "unknown asset {other:?}: the faucet pays USDC (XLM comes from /friendbot)"
                    ),
                )
            }
        }
        let text = amount.unwrap_or(DEFAULT_FAUCET_USDC);
        let Some(units) = parse_amount(text).filter(|a| *a > 0 && *a <= MAX_FAUCET_USDC) else {
            return problem(
                400,
                "Bad Request",
                format!("amount {text:?} must be a decimal between 0.0000001 and 1000000"),
            );
        };
        let mut c = self.chain();
        let issuer_secret = genesis::usdc_issuer_secret();
        let issuer = account_id(genesis::public_key_of(&issuer_secret));
        let asset = genesis::usdc_asset();
        let ov = Overlay::new(&c.state, c.latest.seq);
        let dest = account_id(key);
        if load_account(&ov, &dest).is_none() {
            return problem(
                400,
                "Bad Request",
                format!(
                    "account {} does not exist: fund it with /friendbot first",
                    addr.unwrap_or_default()
                ),
            );
        }
        let line = crate::backend::classic_trustline_asset(&asset);
        if load_trustline(&ov, &dest, &line).is_none() {
            return problem(
                400,
                "Bad Request",
                format!(
                    "account {} has no USDC trustline: submit ChangeTrust(USDC:{}) first",
                    addr.unwrap_or_default(),
                    super::account_strkey(&genesis::public_key_of(&issuer_secret))
                ),
            );
        }
        let seq = load_account(&ov, &issuer)
            .map(|a| a.seq_num.0 + 1)
            .unwrap_or(1);
        drop(ov);
        let op = OperationBody::Payment(PaymentOp {
            destination: MuxedAccount::Ed25519(Uint256(key)),
            asset,
            amount: units,
        });
        let env = signed_transaction(&issuer_secret, seq, vec![op], c.network_id);
        self.submit_dev(&mut c, env)
    }

    fn submit_dev(
        &self,
        c: &mut crate::backend::Chain,
        env: soroban_env_host::xdr::TransactionEnvelope,
    ) -> DevAnswer {
        let envelope_xdr = xdr_b64(&env);
        match c.submit(env) {
            Ok(Submission::Pending { hash }) => {
                let row = match c.store.get_tx(&hash) {
                    Ok(Some(r)) => r,
                    _ => return problem(500, "Internal Error", "transaction vanished".into()),
                };
                if !row.successful {
                    return problem(
                        400,
                        "Transaction Failed",
                        format!("transaction failed: {}", describe_failure(&row.result)),
                    );
                }
                use base64::Engine;
                let b64 = |b: &[u8]| base64::engine::general_purpose::STANDARD.encode(b);
                (
                    200,
                    json!({
                        "successful": true,
                        "hash": hex::encode(hash),
                        "ledger": row.ledger,
                        "envelope_xdr": envelope_xdr,
                        "result_xdr": b64(&row.result),
                        "result_meta_xdr": b64(&row.meta),
                    }),
                )
            }
            Ok(Submission::Duplicate { hash }) => problem(
                400,
                "Transaction Failed",
                format!("duplicate transaction {}", hex::encode(hash)),
            ),
            Ok(Submission::Error { result, .. }) => problem(
                400,
                "Transaction Failed",
                format!("transaction rejected: {:?}", result.result),
            ),
            Err(e) => problem(500, "Internal Error", e.to_string()),
        }
    }
}

fn describe_failure(result_xdr: &[u8]) -> String {
    use soroban_env_host::xdr::{Limits, ReadXdr, TransactionResult};
    match TransactionResult::from_xdr(result_xdr, Limits::none()) {
        Ok(r) => match r.result {
            TransactionResultResult::TxFailed(ops) => match ops.first() {
                Some(OperationResult::OpInner(OperationResultTr::CreateAccount(
                    CreateAccountResult::AlreadyExist,
                ))) => "createAccountAlreadyExist".into(),
                Some(op) => format!("{op:?}"),
                None => "txFAILED".into(),
            },
            other => format!("{other:?}"),
        },
        Err(_) => "unknown".into(),
    }
}

impl Api {
    /// `GET /localnet`: what a client needs to connect, and the assets at genesis.
    pub fn localnet_info(&self) -> Value {
        let c = self.chain();
        let usdc_issuer =
            super::account_strkey(&genesis::public_key_of(&genesis::usdc_issuer_secret()));
        json!({
            "passphrase": c.passphrase,
            "rpcUrl": self.rpc_url,
            "friendbotUrl": self.friendbot_url,
            "protocolVersion": c.header.ledger_version,
            "assets": [
                { "code": "XLM", "issuer": null, "contractId": super::contract_strkey(&c.native_contract) },
                { "code": genesis::USDC_CODE, "issuer": usdc_issuer, "contractId": super::contract_strkey(&c.usdc_contract) },
            ],
        })
    }
}

impl Api {
    /// Friendbot for a contract address: a native-asset-contract transfer from root,
    /// prepared by simulation like any client's (what `fundAddress(C…)` expects).
    fn fund_contract(&self, contract: [u8; 32]) -> DevAnswer {
        use crate::backend::simulate::{simulate, SimulationRequest};
        use soroban_env_host::xdr::{
            ContractId, Hash, HostFunction, Int128Parts, InvokeContractArgs, InvokeHostFunctionOp,
            ScAddress, ScSymbol, ScVal, TransactionEnvelope, TransactionExt,
        };
        let mut c = self.chain();
        let root_secret = genesis::root_secret(&c.passphrase);
        let root = account_id(genesis::public_key_of(&root_secret));
        let host_function = HostFunction::InvokeContract(InvokeContractArgs {
            contract_address: ScAddress::Contract(ContractId(Hash(c.native_contract))),
            function_name: ScSymbol("transfer".try_into().expect("short")),
            args: vec![
                ScVal::Address(ScAddress::Account(root.clone())),
                ScVal::Address(ScAddress::Contract(ContractId(Hash(contract)))),
                ScVal::I128(Int128Parts {
                    hi: 0,
                    lo: FRIENDBOT_AMOUNT as u64,
                }),
            ]
            .try_into()
            .expect("three arguments"),
        });
        let ov = Overlay::new(&c.state, c.latest.seq);
        let seq = load_account(&ov, &root)
            .map(|a| a.seq_num.0 + 1)
            .unwrap_or(1);
        drop(ov);
        let op = |auth: Vec<_>| {
            OperationBody::InvokeHostFunction(InvokeHostFunctionOp {
                host_function: host_function.clone(),
                auth: auth.try_into().unwrap_or_default(),
            })
        };
        let draft = signed_transaction(&root_secret, seq, vec![op(vec![])], c.network_id);
        let sim = simulate(
            &c,
            SimulationRequest {
                envelope: draft,
                auth_mode: None,
                use_upgraded_auth: true,
                instruction_leeway: None,
            },
        );
        let (Some(data), Some((auth, _))) = (sim.transaction_data, sim.result) else {
            return problem(
                400,
                "Bad Request",
                format!(
                    "cannot fund the contract: {}",
                    sim.error.unwrap_or_default()
                ),
            );
        };
        let TransactionEnvelope::Tx(mut env) =
            signed_transaction(&root_secret, seq, vec![op(auth)], c.network_id)
        else {
            unreachable!("v1 envelope")
        };
        env.tx.fee = 100 + data.resource_fee as u32;
        env.tx.ext = TransactionExt::V1(data);
        let signed = crate::backend::dev::sign(&root_secret, env.tx, c.network_id);
        self.submit_dev(&mut c, signed)
    }
}
