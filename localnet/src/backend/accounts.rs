//! Accounts and trustlines: loading and saving them, reserves, thresholds, and the
//! signature checker (core's SignatureChecker: signers' weights summed against the
//! threshold the operation needs, every signature must be used).

use super::state::{key_bytes, Overlay};
use ed25519_dalek::{Signature, Verifier, VerifyingKey};
use soroban_env_host::xdr::{
    AccountEntry, AccountEntryExt, AccountEntryExtensionV1Ext, AccountId, DecoratedSignature,
    LedgerEntry, LedgerEntryData, LedgerEntryExt, LedgerKey, LedgerKeyAccount, LedgerKeyTrustLine,
    Liabilities, OperationBody, PublicKey, SignerKey, TrustLineAsset, TrustLineEntry,
    TrustLineEntryExt, Uint256,
};

pub fn account_id(public_key: [u8; 32]) -> AccountId {
    AccountId(PublicKey::PublicKeyTypeEd25519(Uint256(public_key)))
}

pub fn public_key(id: &AccountId) -> [u8; 32] {
    let AccountId(PublicKey::PublicKeyTypeEd25519(Uint256(k))) = id;
    *k
}

pub fn account_key(id: &AccountId) -> LedgerKey {
    LedgerKey::Account(LedgerKeyAccount {
        account_id: id.clone(),
    })
}

pub fn trustline_key(id: &AccountId, asset: &TrustLineAsset) -> LedgerKey {
    LedgerKey::Trustline(LedgerKeyTrustLine {
        account_id: id.clone(),
        asset: asset.clone(),
    })
}

pub fn load_account(ov: &Overlay, id: &AccountId) -> Option<AccountEntry> {
    match ov.get_key(&account_key(id))?.entry.data {
        LedgerEntryData::Account(a) => Some(a),
        _ => None,
    }
}

pub fn save_account(ov: &mut Overlay, a: AccountEntry) {
    ov.put_entry(
        LedgerEntry {
            last_modified_ledger_seq: 0,
            data: LedgerEntryData::Account(a),
            ext: LedgerEntryExt::V0,
        },
        None,
    );
}

pub fn load_trustline(
    ov: &Overlay,
    id: &AccountId,
    asset: &TrustLineAsset,
) -> Option<TrustLineEntry> {
    match ov.get_key(&trustline_key(id, asset))?.entry.data {
        LedgerEntryData::Trustline(t) => Some(t),
        _ => None,
    }
}

pub fn save_trustline(ov: &mut Overlay, t: TrustLineEntry) {
    ov.put_entry(
        LedgerEntry {
            last_modified_ledger_seq: 0,
            data: LedgerEntryData::Trustline(t),
            ext: LedgerEntryExt::V0,
        },
        None,
    );
}

pub fn delete_trustline(ov: &mut Overlay, id: &AccountId, asset: &TrustLineAsset) {
    ov.put(key_bytes(&trustline_key(id, asset)), None);
}

fn liabilities(a: &AccountEntry) -> Liabilities {
    match &a.ext {
        AccountEntryExt::V0 => Liabilities {
            buying: 0,
            selling: 0,
        },
        AccountEntryExt::V1(v1) => v1.liabilities.clone(),
    }
}

fn sponsorship(a: &AccountEntry) -> (i64, i64) {
    match &a.ext {
        AccountEntryExt::V1(v1) => match &v1.ext {
            AccountEntryExtensionV1Ext::V2(v2) => {
                (v2.num_sponsoring as i64, v2.num_sponsored as i64)
            }
            AccountEntryExtensionV1Ext::V0 => (0, 0),
        },
        AccountEntryExt::V0 => (0, 0),
    }
}

/// (2 + subentries + sponsoring − sponsored) × base reserve.
pub fn min_balance(a: &AccountEntry, base_reserve: u32) -> i64 {
    let (sponsoring, sponsored) = sponsorship(a);
    (2 + a.num_sub_entries as i64 + sponsoring - sponsored) * base_reserve as i64
}

/// What the account may spend: balance above its reserve and selling liabilities.
pub fn available_balance(a: &AccountEntry, base_reserve: u32) -> i64 {
    a.balance - min_balance(a, base_reserve) - liabilities(a).selling
}

/// Most the account may still receive (room under i64::MAX minus buying liabilities).
pub fn max_receive(a: &AccountEntry) -> i64 {
    i64::MAX - a.balance - liabilities(a).buying
}

pub fn trustline_liabilities(t: &TrustLineEntry) -> Liabilities {
    match &t.ext {
        TrustLineEntryExt::V0 => Liabilities {
            buying: 0,
            selling: 0,
        },
        TrustLineEntryExt::V1(v1) => v1.liabilities.clone(),
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ThresholdLevel {
    Low,
    Medium,
    High,
}

/// The threshold an operation needs from its source (core's getThresholdLevel).
pub fn threshold_level(body: &OperationBody) -> ThresholdLevel {
    match body {
        OperationBody::SetOptions(o) => {
            if o.master_weight.is_some()
                || o.low_threshold.is_some()
                || o.med_threshold.is_some()
                || o.high_threshold.is_some()
                || o.signer.is_some()
            {
                ThresholdLevel::High
            } else {
                ThresholdLevel::Medium
            }
        }
        OperationBody::ExtendFootprintTtl(_)
        | OperationBody::RestoreFootprint(_)
        | OperationBody::BumpSequence(_) => ThresholdLevel::Low,
        _ => ThresholdLevel::Medium,
    }
}

pub fn needed_weight(a: &AccountEntry, level: ThresholdLevel) -> u8 {
    let t = a.thresholds.0;
    match level {
        ThresholdLevel::Low => t[1],
        ThresholdLevel::Medium => t[2],
        ThresholdLevel::High => t[3],
    }
}

/// Verifies signatures against a transaction hash, remembering which ones were used
/// so that extra signatures can be refused (`txBAD_AUTH_EXTRA`).
pub struct SignatureChecker<'a> {
    hash: [u8; 32],
    signatures: &'a [DecoratedSignature],
    used: Vec<bool>,
}

impl<'a> SignatureChecker<'a> {
    pub fn new(hash: [u8; 32], signatures: &'a [DecoratedSignature]) -> Self {
        SignatureChecker {
            hash,
            signatures,
            used: vec![false; signatures.len()],
        }
    }

    fn verifies(&self, sig: &DecoratedSignature, key: &[u8; 32]) -> bool {
        if sig.hint.0 != key[28..32] {
            return false;
        }
        let (Ok(vk), Ok(bytes)) = (
            VerifyingKey::from_bytes(key),
            <[u8; 64]>::try_from(sig.signature.0.as_slice()),
        ) else {
            return false;
        };
        vk.verify(&self.hash, &Signature::from_bytes(&bytes))
            .is_ok()
    }

    /// Whether the signatures carry enough of the account's weight for `level`.
    pub fn check(&mut self, a: &AccountEntry, level: ThresholdLevel) -> bool {
        let needed = needed_weight(a, level) as u32;
        let mut signers: Vec<([u8; 32], u32)> =
            vec![(public_key(&a.account_id), a.thresholds.0[0] as u32)];
        for s in a.signers.iter() {
            if let SignerKey::Ed25519(k) = &s.key {
                signers.push((k.0, s.weight.min(255)));
            }
        }
        let mut total = 0u32;
        for (key, weight) in signers {
            if weight == 0 {
                continue;
            }
            for i in 0..self.signatures.len() {
                if self.verifies(&self.signatures[i], &key) {
                    self.used[i] = true;
                    total += weight;
                    break;
                }
            }
        }
        total > 0 && total >= needed
    }

    pub fn all_used(&self) -> bool {
        self.used.iter().all(|u| *u)
    }
}
