//! Friendbot and the test-USDC faucet as the chain sees them: transactions signed with
//! a dev key (root for XLM, the USDC issuer for USDC), built here and applied through
//! `Chain::submit` like any client's. The HTTP answers are the RPC layer's business.

use super::accounts::{account_id, load_account, load_trustline};
use super::dev::{sign, signed_transaction};
use super::genesis::{self, STROOPS};
use super::simulate::{simulate, SimulationRequest};
use super::state::Overlay;
use super::store::TxRow;
use super::{Chain, Submission};
use soroban_env_host::xdr::{
    AccountId, ContractId, CreateAccountOp, CreateAccountResult, Hash, HostFunction, Int128Parts,
    InvokeContractArgs, InvokeHostFunctionOp, Limits, MuxedAccount, OperationBody, OperationResult,
    OperationResultTr, PaymentOp, ReadXdr, ScAddress, ScSymbol, ScVal, SorobanAuthorizationEntry,
    TransactionEnvelope, TransactionExt, TransactionResult, TransactionResultResult, Uint256,
};

/// What friendbot gives: 10,000 XLM, like testnet's.
pub const FRIENDBOT_AMOUNT: i64 = 10_000 * STROOPS;
/// The most test USDC one faucet call pays, in base units.
pub const MAX_FAUCET_USDC: i64 = 1_000_000 * STROOPS;

/// A dev transaction that was applied successfully.
#[derive(Debug)]
pub struct Funded {
    pub envelope: TransactionEnvelope,
    pub row: TxRow,
}

/// Why a dev transaction was not made or did not succeed.
#[derive(Debug, PartialEq, Eq)]
pub enum FundError {
    /// The request cannot be served (no such account, no trustline, an amount out of range).
    Refused(String),
    /// The transaction was made but refused or failed (`createAccountAlreadyExist`, …).
    Failed(String),
    Internal(String),
}

/// Whom friendbot funds.
#[derive(Debug, Clone, Copy)]
pub enum Recipient {
    Account([u8; 32]),
    Contract([u8; 32]),
}

impl Chain {
    /// Funds `to` with 10,000 XLM from root: a new account by CreateAccount, a contract
    /// by a native-asset-contract transfer (prepared by simulation, as a client would).
    pub fn friendbot(&mut self, to: Recipient) -> Result<Funded, FundError> {
        let root = genesis::root_secret(&self.passphrase);
        match to {
            Recipient::Account(key) => {
                if self.account(&account_id(key)).is_some() {
                    return Err(FundError::Failed(
                        "createAccountAlreadyExist: the account already exists".into(),
                    ));
                }
                let op = OperationBody::CreateAccount(CreateAccountOp {
                    destination: account_id(key),
                    starting_balance: FRIENDBOT_AMOUNT,
                });
                let env =
                    signed_transaction(&root, self.next_seq(&root), vec![op], self.network_id);
                self.apply_dev(env)
            }
            Recipient::Contract(contract) => {
                let env = self.native_transfer(&root, contract)?;
                self.apply_dev(env)
            }
        }
    }

    /// Pays `units` of test USDC from the issuer to an existing account that trusts it.
    pub fn faucet_usdc(&mut self, to: [u8; 32], units: i64) -> Result<Funded, FundError> {
        if units <= 0 || units > MAX_FAUCET_USDC {
            return Err(FundError::Refused(format!(
                "amount must be between 1 and {MAX_FAUCET_USDC} base units"
            )));
        }
        let dest = account_id(to);
        let addr = stellar_strkey::ed25519::PublicKey(to).to_string();
        if self.account(&dest).is_none() {
            return Err(FundError::Refused(format!(
                "account {addr} does not exist: fund it with /friendbot first"
            )));
        }
        let issuer = genesis::usdc_issuer_secret();
        let asset = genesis::usdc_asset();
        let line = super::classic_trustline_asset(&asset);
        let ov = Overlay::new(&self.state, self.latest.seq);
        if load_trustline(&ov, &dest, &line).is_none() {
            let issuer_addr =
                stellar_strkey::ed25519::PublicKey(genesis::public_key_of(&issuer)).to_string();
            return Err(FundError::Refused(format!(
                "account {addr} has no USDC trustline: submit ChangeTrust(USDC:{issuer_addr}) first"
            )));
        }
        drop(ov);
        let op = OperationBody::Payment(PaymentOp {
            destination: MuxedAccount::Ed25519(Uint256(to)),
            asset,
            amount: units,
        });
        let env = signed_transaction(&issuer, self.next_seq(&issuer), vec![op], self.network_id);
        self.apply_dev(env)
    }

    /// The next sequence number of a dev key's account.
    fn next_seq(&self, secret: &[u8; 32]) -> i64 {
        let id = account_id(genesis::public_key_of(secret));
        self.account(&id).map(|a| a.seq_num.0 + 1).unwrap_or(1)
    }

    /// A signed, simulated transfer of FRIENDBOT_AMOUNT XLM from root to a contract.
    fn native_transfer(
        &self,
        root: &[u8; 32],
        contract: [u8; 32],
    ) -> Result<TransactionEnvelope, FundError> {
        let host_function = HostFunction::InvokeContract(InvokeContractArgs {
            contract_address: ScAddress::Contract(ContractId(Hash(self.native_contract))),
            function_name: ScSymbol("transfer".try_into().expect("short")),
            args: vec![
                ScVal::Address(ScAddress::Account(account_id(genesis::public_key_of(root)))),
                ScVal::Address(ScAddress::Contract(ContractId(Hash(contract)))),
                ScVal::I128(Int128Parts {
                    hi: 0,
                    lo: FRIENDBOT_AMOUNT as u64,
                }),
            ]
            .try_into()
            .expect("three arguments"),
        });
        let op = |auth: Vec<SorobanAuthorizationEntry>| {
            OperationBody::InvokeHostFunction(InvokeHostFunctionOp {
                host_function: host_function.clone(),
                auth: auth.try_into().unwrap_or_default(),
            })
        };
        let seq = self.next_seq(root);
        let draft = signed_transaction(root, seq, vec![op(vec![])], self.network_id);
        let sim = simulate(
            self,
            SimulationRequest {
                envelope: draft,
                auth_mode: None,
                use_upgraded_auth: true,
                instruction_leeway: None,
            },
        );
        let (Some(data), Some((auth, _))) = (sim.transaction_data, sim.result) else {
            return Err(FundError::Refused(format!(
                "cannot fund the contract: {}",
                sim.error.unwrap_or_default()
            )));
        };
        let TransactionEnvelope::Tx(mut env) =
            signed_transaction(root, seq, vec![op(auth)], self.network_id)
        else {
            unreachable!("signed_transaction makes v1 envelopes")
        };
        env.tx.fee = 100 + data.resource_fee as u32;
        env.tx.ext = TransactionExt::V1(data);
        Ok(sign(root, env.tx, self.network_id))
    }

    fn apply_dev(&mut self, envelope: TransactionEnvelope) -> Result<Funded, FundError> {
        match self.submit(envelope.clone()) {
            Ok(Submission::Pending { hash }) => {
                let row = match self.transaction(&hash) {
                    Ok(Some(r)) => r,
                    _ => return Err(FundError::Internal("transaction vanished".into())),
                };
                if !row.successful {
                    return Err(FundError::Failed(format!(
                        "transaction failed: {}",
                        describe_failure(&row.result)
                    )));
                }
                Ok(Funded { envelope, row })
            }
            Ok(Submission::Duplicate { hash }) => Err(FundError::Failed(format!(
                "duplicate transaction {}",
                hex::encode(hash)
            ))),
            Ok(Submission::Error { result, .. }) => Err(FundError::Failed(format!(
                "transaction rejected: {:?}",
                result.result
            ))),
            Err(e) => Err(FundError::Internal(e.to_string())),
        }
    }

    /// An account as of the latest ledger (read through from the upstream in a fork).
    pub fn account(&self, id: &AccountId) -> Option<soroban_env_host::xdr::AccountEntry> {
        load_account(&Overlay::new(&self.state, self.latest.seq), id)
    }
}

/// The first operation's failure in core's words where the SDK looks for them.
fn describe_failure(result_xdr: &[u8]) -> String {
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
