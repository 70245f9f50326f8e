//! Dev conveniences that go through the same path as any client: the Stellar Asset
//! Contracts deployed at genesis, and transactions signed with the dev keys (root for
//! friendbot, the USDC issuer for the faucet).

use super::entry::StoredEntry;
use super::soroban;
use super::state::{key_bytes, State};
use anyhow::{anyhow, Result};
use ed25519_dalek::{Signer, SigningKey};
use sha2::{Digest, Sha256};
use soroban_env_host::budget::Budget;
use soroban_env_host::e2e_invoke::{
    invoke_host_function_in_recording_mode, RecordingInvocationAuthMode,
};
use soroban_env_host::xdr::{
    AccountId, Asset, ContractExecutable, ContractIdPreimage, CreateContractArgs,
    DecoratedSignature, Hash, HashIdPreimage, HashIdPreimageContractId, HostFunction, LedgerEntry,
    LedgerKey, Limits, Memo, MuxedAccount, Operation, OperationBody, Preconditions, ReadXdr,
    SequenceNumber, Signature, SignatureHint, Transaction, TransactionEnvelope, TransactionExt,
    TransactionV1Envelope, Uint256, WriteXdr,
};
use soroban_env_host::LedgerInfo;
use soroban_simulation::NetworkConfig;

/// The contract id of an asset's Stellar Asset Contract on this network.
pub fn asset_contract_id(asset: &Asset, network_id: [u8; 32]) -> [u8; 32] {
    let preimage = HashIdPreimage::ContractId(HashIdPreimageContractId {
        network_id: Hash(network_id),
        contract_id_preimage: ContractIdPreimage::Asset(asset.clone()),
    });
    Sha256::digest(preimage.to_xdr(Limits::none()).expect("preimage encodes")).into()
}

/// Runs `CreateContract(asset)` on the host against `state` and returns the writes.
pub fn deploy_asset_contract(
    state: &State,
    network: &NetworkConfig,
    info: &LedgerInfo,
    source: &AccountId,
    asset: Asset,
) -> Result<Vec<(Vec<u8>, Option<StoredEntry>)>> {
    let host_fn = HostFunction::CreateContract(CreateContractArgs {
        contract_id_preimage: ContractIdPreimage::Asset(asset),
        executable: ContractExecutable::StellarAsset,
    });
    let budget = Budget::try_from_configs(
        network.tx_max_instructions as u64,
        network.tx_memory_limit as u64,
        network.cpu_cost_params.clone(),
        network.memory_cost_params.clone(),
    )?;
    let mut diagnostics = vec![];
    let result = soroban::with_snapshot(state, |snap| {
        invoke_host_function_in_recording_mode(
            &budget,
            false,
            &host_fn,
            source,
            RecordingInvocationAuthMode::recording(true, false),
            info.clone(),
            snap,
            [0; 32],
            &mut diagnostics,
        )
    })
    .map_err(|e| anyhow!("deploying an asset contract at genesis: {e:?}"))?;
    result
        .invoke_result
        .map_err(|e| anyhow!("deploying an asset contract at genesis: {e:?}"))?;
    let mut writes = vec![];
    for change in result.ledger_changes {
        if change.read_only {
            continue;
        }
        let key = LedgerKey::from_xdr(&change.encoded_key, Limits::none())?;
        let value = match change.encoded_new_value {
            Some(b) => Some(StoredEntry {
                entry: LedgerEntry::from_xdr(&b, Limits::none())?,
                live_until: change.ttl_change.map(|t| t.new_live_until_ledger),
            }),
            None => None,
        };
        writes.push((key_bytes(&key), value));
    }
    Ok(writes)
}

/// A transaction from `secret`'s account with one signature, at the base fee.
pub fn signed_transaction(
    secret: &[u8; 32],
    seq: i64,
    ops: Vec<OperationBody>,
    network_id: [u8; 32],
) -> TransactionEnvelope {
    let public = SigningKey::from_bytes(secret).verifying_key().to_bytes();
    let tx = Transaction {
        source_account: MuxedAccount::Ed25519(Uint256(public)),
        fee: 100 * ops.len() as u32,
        seq_num: SequenceNumber(seq),
        cond: Preconditions::None,
        memo: Memo::None,
        operations: ops
            .into_iter()
            .map(|body| Operation {
                source_account: None,
                body,
            })
            .collect::<Vec<_>>()
            .try_into()
            .expect("few operations"),
        ext: TransactionExt::V0,
    };
    sign(secret, tx, network_id)
}

/// Signs `tx` with `secret` (the source's master key).
pub fn sign(secret: &[u8; 32], tx: Transaction, network_id: [u8; 32]) -> TransactionEnvelope {
    let key = SigningKey::from_bytes(secret);
    let public = key.verifying_key().to_bytes();
    let mut env = TransactionEnvelope::Tx(TransactionV1Envelope {
        tx,
        signatures: Default::default(),
    });
    let hash = env.hash(network_id).expect("envelope hashes");
    let sig = key.sign(&hash).to_bytes();
    if let TransactionEnvelope::Tx(e) = &mut env {
        e.signatures = vec![DecoratedSignature {
            hint: SignatureHint(public[28..32].try_into().expect("4 bytes")),
            signature: Signature(sig.to_vec().try_into().expect("64 bytes")),
        }]
        .try_into()
        .expect("one signature");
    }
    env
}
