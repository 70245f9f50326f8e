//! CAP-67: from protocol 23 classic payments emit the same events as the asset's Stellar
//! Asset Contract would (`transfer`, `mint` from the issuer, `burn` to it), in the name
//! of that contract, so one event stream shows every movement of an asset.

use crate::backend::dev::asset_contract_id;
use soroban_env_host::xdr::{
    AccountId, Asset, ContractEvent, ContractEventBody, ContractEventType, ContractEventV0,
    ContractId, ExtensionPoint, Hash, Int128Parts, MuxedAccount, ScAddress, ScMap, ScMapEntry,
    ScString, ScSymbol, ScVal,
};

fn asset_name(asset: &Asset) -> String {
    let code = |bytes: &[u8]| {
        String::from_utf8_lossy(bytes)
            .trim_end_matches('\0')
            .to_string()
    };
    match asset {
        Asset::Native => "native".into(),
        Asset::CreditAlphanum4(a) => format!("{}:{}", code(&a.asset_code.0), strkey(&a.issuer)),
        Asset::CreditAlphanum12(a) => format!("{}:{}", code(&a.asset_code.0), strkey(&a.issuer)),
    }
}

fn strkey(id: &AccountId) -> String {
    stellar_strkey::ed25519::PublicKey(crate::backend::accounts::public_key(id)).to_string()
}

fn sym(s: &str) -> ScVal {
    ScVal::Symbol(ScSymbol(s.try_into().expect("short symbol")))
}

fn addr(id: &AccountId) -> ScVal {
    ScVal::Address(ScAddress::Account(id.clone()))
}

fn i128_val(v: i64) -> ScVal {
    ScVal::I128(Int128Parts {
        hi: if v < 0 { -1 } else { 0 },
        lo: v as u64,
    })
}

/// The event a movement of `amount` of `asset` from `from` to `to` emits.
pub fn movement(
    network_id: [u8; 32],
    asset: &Asset,
    issuer: Option<&AccountId>,
    from: &AccountId,
    to: &MuxedAccount,
    amount: i64,
) -> ContractEvent {
    let (to_id, mux) = match to {
        MuxedAccount::Ed25519(k) => (crate::backend::accounts::account_id(k.0), None),
        MuxedAccount::MuxedEd25519(m) => (
            crate::backend::accounts::account_id(m.ed25519.0),
            Some(m.id),
        ),
    };
    let name = ScVal::String(ScString(
        asset_name(asset)
            .into_bytes()
            .try_into()
            .expect("short name"),
    ));
    let topics = if from != &to_id && issuer == Some(from) {
        vec![sym("mint"), addr(&to_id), name]
    } else if from != &to_id && issuer == Some(&to_id) {
        vec![sym("burn"), addr(from), name]
    } else {
        vec![sym("transfer"), addr(from), addr(&to_id), name]
    };
    let data = match mux {
        None => i128_val(amount),
        Some(id) => ScVal::Map(Some(ScMap(
            vec![
                ScMapEntry {
                    key: sym("amount"),
                    val: i128_val(amount),
                },
                ScMapEntry {
                    key: sym("to_muxed_id"),
                    val: ScVal::U64(id),
                },
            ]
            .try_into()
            .expect("two entries"),
        ))),
    };
    ContractEvent {
        ext: ExtensionPoint::V0,
        contract_id: Some(ContractId(Hash(asset_contract_id(asset, network_id)))),
        type_: ContractEventType::Contract,
        body: ContractEventBody::V0(ContractEventV0 {
            topics: topics.try_into().expect("few topics"),
            data,
        }),
    }
}
