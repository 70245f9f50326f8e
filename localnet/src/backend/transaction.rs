//! Applying one valid transaction as core does from protocol 23: charge the fee, bump
//! the sequence number, run the operations (all or nothing), refund the unused
//! refundable Soroban fee, and describe it all as `TransactionMeta` v4.

use super::accounts::{load_account, save_account};
use super::classic::{self, ClassicContext};
use super::fees;
use super::soroban::{self, SorobanContext, SorobanOutcome};
use super::state::Overlay;
use super::validation::TxFrame;
use sha2::{Digest, Sha256};
use soroban_env_host::xdr::{
    AccountId, ContractEvent, ContractEventBody, ContractEventType, ContractEventV0, ContractId,
    DiagnosticEvent, ExtensionPoint, Hash, InnerTransactionResult, InnerTransactionResultExt,
    InnerTransactionResultPair, InnerTransactionResultResult, Int128Parts, LedgerEntryChange,
    LedgerEntryChanges, OperationBody, OperationMetaV2, OperationResult, ScAddress, ScSymbol,
    ScVal, SorobanTransactionMetaExt, SorobanTransactionMetaExtV1, SorobanTransactionMetaV2,
    TransactionEvent, TransactionEventStage, TransactionMeta, TransactionMetaV4, TransactionResult,
    TransactionResultExt, TransactionResultResult, VecM,
};

/// A transaction after apply, with everything the ledger close and the RPC need.
pub struct AppliedTx {
    pub frame: TxFrame,
    pub result: TransactionResult,
    pub meta: TransactionMeta,
    pub fee_changes: Vec<LedgerEntryChange>,
    pub post_fee_changes: Vec<LedgerEntryChange>,
    pub successful: bool,
    pub diagnostics: Vec<DiagnosticEvent>,
    pub fee_charged: i64,
}

pub struct ApplyContext<'a> {
    pub classic: ClassicContext,
    pub soroban: SorobanContext<'a>,
    pub base_fee: u32,
    /// The native asset contract: fee events are emitted in its name (CAP-67).
    pub native_contract: [u8; 32],
}

pub fn apply(ov: &mut Overlay, ctx: &ApplyContext, frame: TxFrame) -> AppliedTx {
    let fee_source = frame.fee_source();
    let charge = frame.fee_to_charge(ctx.base_fee);
    let mut tx_events = vec![fee_event(
        ctx,
        &fee_source,
        charge,
        TransactionEventStage::BeforeAllTxs,
    )];

    ov.push();
    if let Some(mut a) = load_account(ov, &fee_source) {
        a.balance -= charge.min(a.balance);
        save_account(ov, a);
    }
    let fee_changes = ov.commit();

    ov.push();
    if let Some(mut a) = load_account(ov, &frame.source()) {
        a.seq_num = frame.tx.seq_num.clone();
        save_account(ov, a);
    }
    let seq_changes = ov.commit();

    let (results, op_metas, soroban_out, successful) = apply_operations(ov, ctx, &frame);

    // Refund what the refundable resource fee did not pay for (everything on failure).
    let mut post_fee_changes = vec![];
    let mut refund = 0;
    let mut soroban_meta = None;
    if let Some(data) = frame.soroban_data() {
        let (non_refundable, _) = fees::resource_fee(ctx.soroban.network, data, frame.size);
        let max_refundable = (data.resource_fee - non_refundable).max(0);
        let used = if successful {
            soroban_out.refundable_used.min(max_refundable)
        } else {
            0
        };
        refund = max_refundable - used;
        if refund > 0 {
            ov.push();
            if let Some(mut a) = load_account(ov, &fee_source) {
                a.balance += refund;
                save_account(ov, a);
            }
            post_fee_changes = ov.commit();
            tx_events.push(fee_event(
                ctx,
                &fee_source,
                -refund,
                TransactionEventStage::AfterTx,
            ));
        }
        soroban_meta = Some(SorobanTransactionMetaV2 {
            ext: SorobanTransactionMetaExt::V1(SorobanTransactionMetaExtV1 {
                ext: ExtensionPoint::V0,
                total_non_refundable_resource_fee_charged: non_refundable,
                total_refundable_resource_fee_charged: used,
                rent_fee_charged: if successful { soroban_out.rent_fee } else { 0 },
            }),
            return_value: if successful {
                soroban_out.return_value.clone()
            } else {
                None
            },
        });
    }
    let fee_charged = charge - refund;

    let meta = TransactionMeta::V4(TransactionMetaV4 {
        ext: ExtensionPoint::V0,
        tx_changes_before: LedgerEntryChanges(seq_changes.try_into().unwrap_or_default()),
        operations: op_metas.try_into().unwrap_or_default(),
        tx_changes_after: LedgerEntryChanges(VecM::default()),
        soroban_meta,
        events: tx_events.try_into().unwrap_or_default(),
        diagnostic_events: soroban_out
            .diagnostics
            .clone()
            .try_into()
            .unwrap_or_default(),
    });
    let result = transaction_result(&frame, results, successful, fee_charged);
    AppliedTx {
        frame,
        result,
        meta,
        fee_changes,
        post_fee_changes,
        successful,
        diagnostics: soroban_out.diagnostics,
        fee_charged,
    }
}

/// Runs the operations in one layer that is kept only if every operation succeeds.
fn apply_operations(
    ov: &mut Overlay,
    ctx: &ApplyContext,
    frame: &TxFrame,
) -> (
    Vec<OperationResult>,
    Vec<OperationMetaV2>,
    SorobanOutcome,
    bool,
) {
    let mut results = vec![];
    let mut metas = vec![];
    let mut soroban_out = SorobanOutcome::default();
    let mut ok = true;
    ov.push();
    for (index, op) in frame.tx.operations.iter().enumerate() {
        let source = frame.op_source(op);
        ov.push();
        let mut classic_events = vec![];
        let result = if load_account(ov, &source).is_none() {
            OperationResult::OpNoAccount
        } else if let Some(r) =
            classic::apply(ov, &ctx.classic, &source, &op.body, &mut classic_events)
        {
            r
        } else {
            soroban_out = apply_soroban(ov, ctx, frame, &source, &op.body, index);
            soroban_out
                .result
                .clone()
                .unwrap_or(OperationResult::OpNotSupported)
        };
        if classic::is_success(&result) {
            let changes = ov.commit();
            let events = if matches!(op.body, OperationBody::InvokeHostFunction(_)) {
                soroban_out.events.clone()
            } else {
                classic_events
            };
            metas.push(OperationMetaV2 {
                ext: ExtensionPoint::V0,
                changes: LedgerEntryChanges(changes.try_into().unwrap_or_default()),
                events: events.try_into().unwrap_or_default(),
            });
        } else {
            ov.rollback();
            ok = false;
        }
        results.push(result);
    }
    if ok {
        ov.commit();
    } else {
        ov.rollback();
        metas.clear();
    }
    (results, metas, soroban_out, ok)
}

fn apply_soroban(
    ov: &mut Overlay,
    ctx: &ApplyContext,
    frame: &TxFrame,
    source: &AccountId,
    body: &OperationBody,
    index: usize,
) -> SorobanOutcome {
    let Some(data) = frame.soroban_data() else {
        return SorobanOutcome::default();
    };
    let (non_refundable, _) = fees::resource_fee(ctx.soroban.network, data, frame.size);
    let max_refundable = (data.resource_fee - non_refundable).max(0);
    let mut seed_input = frame.hash.to_vec();
    seed_input.extend_from_slice(&(index as u32).to_be_bytes());
    let sctx = SorobanContext {
        ledger_info: ctx.soroban.ledger_info.clone(),
        network: ctx.soroban.network,
        prng_seed: Sha256::digest(&seed_input).into(),
        modules: ctx.soroban.modules.clone(),
    };
    match body {
        OperationBody::InvokeHostFunction(op) => {
            soroban::invoke(ov, &sctx, data, source, op, max_refundable)
        }
        OperationBody::ExtendFootprintTtl(op) => {
            soroban::extend_ttl(ov, &sctx, data, op, max_refundable)
        }
        OperationBody::RestoreFootprint(_) => soroban::restore(ov, &sctx, data, max_refundable),
        _ => SorobanOutcome::default(),
    }
}

fn transaction_result(
    frame: &TxFrame,
    results: Vec<OperationResult>,
    ok: bool,
    fee_charged: i64,
) -> TransactionResult {
    let ops: VecM<OperationResult> = results.try_into().unwrap_or_default();
    let result = match &frame.fee_bump {
        None => {
            if ok {
                TransactionResultResult::TxSuccess(ops)
            } else {
                TransactionResultResult::TxFailed(ops)
            }
        }
        Some(_) => {
            let inner = InnerTransactionResultPair {
                transaction_hash: Hash(frame.inner_hash),
                result: InnerTransactionResult {
                    fee_charged: 0,
                    result: if ok {
                        InnerTransactionResultResult::TxSuccess(ops)
                    } else {
                        InnerTransactionResultResult::TxFailed(ops)
                    },
                    ext: InnerTransactionResultExt::V0,
                },
            };
            if ok {
                TransactionResultResult::TxFeeBumpInnerSuccess(inner)
            } else {
                TransactionResultResult::TxFeeBumpInnerFailed(inner)
            }
        }
    };
    TransactionResult {
        fee_charged,
        result,
        ext: TransactionResultExt::V0,
    }
}

/// CAP-67 fee event: `fee(from)` with the amount charged (negative for a refund).
fn fee_event(
    ctx: &ApplyContext,
    from: &AccountId,
    amount: i64,
    stage: TransactionEventStage,
) -> TransactionEvent {
    let topics: Vec<ScVal> = vec![
        ScVal::Symbol(ScSymbol("fee".try_into().expect("short symbol"))),
        ScVal::Address(ScAddress::Account(from.clone())),
    ];
    TransactionEvent {
        stage,
        event: ContractEvent {
            ext: ExtensionPoint::V0,
            contract_id: Some(ContractId(Hash(ctx.native_contract))),
            type_: ContractEventType::Contract,
            body: ContractEventBody::V0(ContractEventV0 {
                topics: topics.try_into().expect("two topics"),
                data: ScVal::I128(Int128Parts {
                    hi: if amount < 0 { -1 } else { 0 },
                    lo: amount as u64,
                }),
            }),
        },
    }
}

/// The result core returns for a transaction refused before apply.
pub fn rejection(
    frame: Option<&TxFrame>,
    code: TransactionResultResult,
    inner: bool,
    base_fee: u32,
) -> TransactionResult {
    let fee_charged = frame.map(|f| f.fee_to_charge(base_fee)).unwrap_or(0);
    let result = match (frame, inner) {
        (Some(f), true) => {
            let inner_code = inner_code(code);
            TransactionResultResult::TxFeeBumpInnerFailed(InnerTransactionResultPair {
                transaction_hash: Hash(f.inner_hash),
                result: InnerTransactionResult {
                    fee_charged: 0,
                    result: inner_code,
                    ext: InnerTransactionResultExt::V0,
                },
            })
        }
        _ => code,
    };
    TransactionResult {
        fee_charged,
        result,
        ext: TransactionResultExt::V0,
    }
}

fn inner_code(code: TransactionResultResult) -> InnerTransactionResultResult {
    use InnerTransactionResultResult as I;
    use TransactionResultResult as T;
    match code {
        T::TxTooEarly => I::TxTooEarly,
        T::TxTooLate => I::TxTooLate,
        T::TxMissingOperation => I::TxMissingOperation,
        T::TxBadSeq => I::TxBadSeq,
        T::TxBadAuth => I::TxBadAuth,
        T::TxInsufficientBalance => I::TxInsufficientBalance,
        T::TxNoAccount => I::TxNoAccount,
        T::TxInsufficientFee => I::TxInsufficientFee,
        T::TxBadAuthExtra => I::TxBadAuthExtra,
        T::TxNotSupported => I::TxNotSupported,
        T::TxMalformed => I::TxMalformed,
        T::TxSorobanInvalid => I::TxSorobanInvalid,
        T::TxFailed(ops) => I::TxFailed(ops),
        _ => I::TxInternalError,
    }
}
