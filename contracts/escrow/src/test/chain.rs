//! A ledger that looks like the real network to the escrow: G-account actors with
//! authorized trustlines to a real Stellar Asset Contract, each call signed by its
//! transaction's source account (no nonce entries), the optimised wasm from `dist/`.

use soroban_sdk::{
    testutils::{Address as _, Ledger as _},
    token::StellarAssetClient,
    xdr::{
        AccountEntry, AccountEntryExt, AccountId, AlphaNum4, Asset, ContractExecutable,
        ContractIdPreimage, ContractIdPreimageFromAddress, CreateContractArgsV2, Hash,
        HostFunction, InvokeContractArgs, LedgerEntry, LedgerEntryData, LedgerEntryExt, LedgerKey,
        LedgerKeyAccount, LedgerKeyTrustLine, PublicKey, ScAddress, ScSymbol, ScVal,
        SequenceNumber, SorobanAuthorizationEntry, SorobanAuthorizedFunction,
        SorobanAuthorizedInvocation, SorobanCredentials, Thresholds, TrustLineAsset,
        TrustLineEntry, TrustLineEntryExt, Uint256, VecM,
    },
    Address, Env, IntoVal, TryFromVal, Val, Vec,
};
use std::rc::Rc;

/// The escrow as built by `npm run build:contract`.
pub fn dist_wasm() -> std::vec::Vec<u8> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/dist/escrow.wasm");
    std::fs::read(path).unwrap_or_else(|e| panic!("{path}: {e} (run npm run build:contract)"))
}

/// A classic account: its id for source-account auth, its address for the contracts.
#[derive(Clone)]
pub struct Account {
    pub id: AccountId,
    pub address: Address,
}

pub struct Chain {
    pub env: Env,
    pub asset: Asset,
    pub token: Address,
    next_key: u8,
}

/// Testnet's minimum TTL of a new persistent entry at protocol 28: 7 days of 5-second ledgers
/// (as localnet/src/backend/network_settings.rs records testnet's settings; stellar-core's
/// older testnet settings had 120 days).
pub const NETWORK_MIN_PERSISTENT_TTL: u32 = 120_960;

impl Chain {
    pub fn new() -> Chain {
        Chain::with_network_ttls(false)
    }

    /// `network`: testnet's state-archival settings (new persistent entries live 7 days,
    /// temporary ones 1 hour, at most 180 days) instead of the test ledger's defaults
    /// (4,096 ledgers, 16, 6,312,000).
    pub fn with_network_ttls(network: bool) -> Chain {
        let env = Env::default();
        env.ledger().set_timestamp(super::setup::NOW);
        if network {
            env.ledger().with_mut(|l| {
                l.min_persistent_entry_ttl = NETWORK_MIN_PERSISTENT_TTL;
                l.min_temp_entry_ttl = 720;
                l.max_entry_ttl = 3_110_400;
            });
        }
        env.cost_estimate().disable_resource_limits();
        let sac = env.register_stellar_asset_contract_v2(Address::generate(&env));
        Chain {
            token: sac.address(),
            asset: sac.asset(),
            env,
            next_key: 1,
        }
    }

    /// A new funded-with-XLM account holding an authorized trustline to the token.
    pub fn account(&mut self) -> Account {
        let mut key = [0u8; 32];
        key[0] = 0xA0;
        key[31] = self.next_key;
        self.next_key += 1;
        let id = AccountId(PublicKey::PublicKeyTypeEd25519(Uint256(key)));
        let host = self.env.host();
        let account = LedgerEntryData::Account(AccountEntry {
            account_id: id.clone(),
            balance: 1_000_000_000,
            seq_num: SequenceNumber(0),
            num_sub_entries: 1,
            inflation_dest: None,
            flags: 0,
            home_domain: Default::default(),
            thresholds: Thresholds([1, 0, 0, 0]),
            signers: VecM::default(),
            ext: AccountEntryExt::V0,
        });
        let key_account = LedgerKey::Account(LedgerKeyAccount {
            account_id: id.clone(),
        });
        host.add_ledger_entry(&Rc::new(key_account), &Rc::new(entry(account)), None)
            .unwrap();

        let Asset::CreditAlphanum4(AlphaNum4 { asset_code, issuer }) = &self.asset else {
            unreachable!()
        };
        let asset = TrustLineAsset::CreditAlphanum4(AlphaNum4 {
            asset_code: asset_code.clone(),
            issuer: issuer.clone(),
        });
        let trustline = LedgerEntryData::Trustline(TrustLineEntry {
            account_id: id.clone(),
            asset: asset.clone(),
            balance: 0,
            limit: i64::MAX,
            flags: 1, // AUTHORIZED_FLAG
            ext: TrustLineEntryExt::V0,
        });
        let key_trustline = LedgerKey::Trustline(LedgerKeyTrustLine {
            account_id: id.clone(),
            asset,
        });
        host.add_ledger_entry(&Rc::new(key_trustline), &Rc::new(entry(trustline)), None)
            .unwrap();

        let address = Address::try_from_val(&self.env, &ScAddress::Account(id.clone())).unwrap();
        Account { id, address }
    }

    pub fn mint(&self, to: &Account, amount: i128) {
        self.env.mock_all_auths();
        StellarAssetClient::new(&self.env, &self.token).mint(&to.address, &amount);
    }

    /// Makes `signer` the next transaction's source account and lets it authorise exactly
    /// `contract.fn_name(args)` (with `subs` below it), the way a wallet signs its own
    /// transaction.
    pub fn sign_as(
        &self,
        signer: &Account,
        contract: &Address,
        fn_name: &str,
        args: Vec<Val>,
        subs: std::vec::Vec<SorobanAuthorizedInvocation>,
    ) {
        self.env
            .host()
            .set_source_account(signer.id.clone())
            .unwrap();
        let entry = SorobanAuthorizationEntry {
            credentials: SorobanCredentials::SourceAccount,
            root_invocation: invocation(&self.env, contract, fn_name, args, subs),
        };
        self.env.set_auths(&[entry]);
    }
}

impl Chain {
    /// Deploys `wasm` with `config` the way a wallet does: one `CreateContractV2` host
    /// function whose deployer is `deployer`, the transaction's source account. With
    /// `sign_constructor`, the deployer's auth entry also covers the constructor
    /// (`__constructor(config)` as the creation's sub-invocation), which is how the platform
    /// authorises its escrow; without it, only the creation itself is authorised.
    pub fn deploy(
        &self,
        wasm: &[u8],
        config: crate::EscrowConfig,
        deployer: &Account,
        salt: [u8; 32],
        sign_constructor: bool,
    ) -> Result<Address, soroban_sdk::testutils::HostError> {
        let config_val: Val = config.into_val(&self.env);
        self.deploy_with(
            wasm,
            std::vec![config_val],
            deployer,
            salt,
            sign_constructor,
        )
    }

    /// `deploy` for any contract: `constructor_args` are its constructor's arguments (none
    /// for a contract whose constructor takes none, such as the reference's).
    pub fn deploy_with(
        &self,
        wasm: &[u8],
        constructor_args: std::vec::Vec<Val>,
        deployer: &Account,
        salt: [u8; 32],
        sign_constructor: bool,
    ) -> Result<Address, soroban_sdk::testutils::HostError> {
        let env = &self.env;
        let hash = env.deployer().upload_contract_wasm(wasm);
        let id = env
            .deployer()
            .with_address(deployer.address.clone(), salt)
            .deployed_address();
        let scvals: std::vec::Vec<ScVal> = constructor_args
            .iter()
            .map(|v| ScVal::try_from_val(env, v).unwrap())
            .collect();
        let args = CreateContractArgsV2 {
            contract_id_preimage: ContractIdPreimage::Address(ContractIdPreimageFromAddress {
                address: ScAddress::from(&deployer.address),
                salt: Uint256(salt),
            }),
            executable: ContractExecutable::Wasm(Hash(hash.to_array())),
            constructor_args: scvals.try_into().unwrap(),
        };
        let mut subs = std::vec![];
        if sign_constructor {
            let vals = Vec::from_slice(env, &constructor_args);
            subs.push(invocation(env, &id, "__constructor", vals, std::vec![]));
        }
        env.host().set_source_account(deployer.id.clone()).unwrap();
        env.set_auths(&[SorobanAuthorizationEntry {
            credentials: SorobanCredentials::SourceAccount,
            root_invocation: SorobanAuthorizedInvocation {
                function: SorobanAuthorizedFunction::CreateContractV2HostFn(args.clone()),
                sub_invocations: subs.try_into().unwrap(),
            },
        }]);
        env.host()
            .invoke_function(HostFunction::CreateContractV2(args))?;
        Ok(id)
    }
}

/// One authorised call, as it appears in an auth entry.
pub fn invocation(
    env: &Env,
    contract: &Address,
    fn_name: &str,
    args: Vec<Val>,
    subs: std::vec::Vec<SorobanAuthorizedInvocation>,
) -> SorobanAuthorizedInvocation {
    let args: std::vec::Vec<ScVal> = args
        .iter()
        .map(|v| ScVal::try_from_val(env, &v).unwrap())
        .collect();
    SorobanAuthorizedInvocation {
        function: SorobanAuthorizedFunction::ContractFn(InvokeContractArgs {
            contract_address: ScAddress::from(contract),
            function_name: ScSymbol(fn_name.try_into().unwrap()),
            args: args.try_into().unwrap(),
        }),
        sub_invocations: subs.try_into().unwrap(),
    }
}

fn entry(data: LedgerEntryData) -> LedgerEntry {
    LedgerEntry {
        last_modified_ledger_seq: 0,
        data,
        ext: LedgerEntryExt::V0,
    }
}
