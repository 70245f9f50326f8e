//! Transaction validity as stellar-core checks it before a transaction may enter a
//! ledger, with core's result codes: envelope shape, Soroban consistency and resource
//! fee, time bounds, inclusion fee, source account, sequence number, signatures, and
//! balance for the fee.

use super::accounts::{self, ThresholdLevel};
use super::fees;
pub use super::frame::{is_soroban_op, muxed_to_account, FeeBump, TxFrame};
use super::state::Overlay;
use soroban_env_host::xdr::{
    AccountEntry, Memo, MuxedAccount, OperationBody, OperationResult, Preconditions,
    TransactionResultResult,
};
use soroban_simulation::NetworkConfig;
/// The ledger a transaction is validated against.
pub struct LedgerContext<'a> {
    pub network_id: [u8; 32],
    pub base_fee: u32,
    pub base_reserve: u32,
    /// Close time the next ledger will have.
    pub close_time: u64,
    /// The real clock. Time bounds are checked against it, not against ledger time:
    /// clients set `maxTime` from their own clock, and `localnet_advanceTime` (a
    /// localnet-only notion) must not make every later transaction `txTOO_LATE`.
    pub wall_time: u64,
    /// Sequence of the ledger the transaction would be applied in.
    pub ledger_seq: u32,
    pub network: &'a NetworkConfig,
}

/// An invalid transaction: the code, and for Soroban a sentence for diagnostics.
#[derive(Debug)]
pub struct Invalid {
    pub code: TransactionResultResult,
    pub reason: String,
    /// Failing a fee bump's inner transaction wraps the code, as core does.
    pub inner: bool,
}

fn invalid(code: TransactionResultResult, reason: impl Into<String>) -> Invalid {
    Invalid {
        code,
        reason: reason.into(),
        inner: false,
    }
}

/// Checks everything core checks before applying, operation sources' signatures
/// included (a shortfall there is txFAILED with opBAD_AUTH, as in core).
pub fn check_valid(frame: &TxFrame, ov: &Overlay, ctx: &LedgerContext) -> Result<(), Invalid> {
    if let Some(fb) = &frame.fee_bump {
        check_fee_bump(frame, fb, ov, ctx)?;
    }
    check_inner(frame, ov, ctx).map_err(|mut e| {
        e.inner = frame.fee_bump.is_some();
        e
    })
}

fn check_fee_bump(
    frame: &TxFrame,
    fb: &FeeBump,
    ov: &Overlay,
    ctx: &LedgerContext,
) -> Result<(), Invalid> {
    use TransactionResultResult as R;
    let ops = frame.tx.operations.len() + 1;
    let inclusion = fb.fee - frame.resource_fee();
    if inclusion < fees::min_inclusion_fee(ctx.base_fee, ops) {
        return Err(invalid(
            R::TxInsufficientFee,
            "fee bump offers less than the minimum inclusion fee",
        ));
    }
    // The outer fee must offer at least the inner transaction's inclusion fee rate.
    let inner_inclusion = frame.tx.fee as i64 - frame.resource_fee();
    if inclusion * (frame.tx.operations.len().max(1) as i64) < inner_inclusion * ops as i64 {
        return Err(invalid(
            R::TxInsufficientFee,
            "fee bump offers a lower fee rate than the inner transaction",
        ));
    }
    let Some(fee_account) = accounts::load_account(ov, &fb.fee_source) else {
        return Err(invalid(
            R::TxNoAccount,
            "fee-bump source account does not exist",
        ));
    };
    let mut checker = accounts::SignatureChecker::new(frame.hash, &fb.signatures);
    if !checker.check(&fee_account, ThresholdLevel::Low) {
        return Err(invalid(
            R::TxBadAuth,
            "fee-bump signatures do not meet the fee source's low threshold",
        ));
    }
    if !checker.all_used() {
        return Err(invalid(
            R::TxBadAuthExtra,
            "unused signatures on the fee bump",
        ));
    }
    if accounts::available_balance(&fee_account, ctx.base_reserve) < fb.fee {
        return Err(invalid(
            R::TxInsufficientBalance,
            "fee source cannot pay the fee",
        ));
    }
    Ok(())
}

fn check_inner(frame: &TxFrame, ov: &Overlay, ctx: &LedgerContext) -> Result<(), Invalid> {
    use TransactionResultResult as R;
    let tx = &frame.tx;
    if tx.operations.is_empty() {
        return Err(invalid(R::TxMissingOperation, "no operations"));
    }
    let soroban_ops = tx.operations.iter().filter(|op| is_soroban_op(op)).count();
    if soroban_ops > 0 && (tx.operations.len() != 1 || frame.soroban_data().is_none()) {
        return Err(invalid(
            R::TxMalformed,
            "a Soroban transaction must have exactly one operation and Soroban data",
        ));
    }
    if soroban_ops == 0 && frame.soroban_data().is_some() {
        return Err(invalid(
            R::TxMalformed,
            "Soroban data on a classic transaction",
        ));
    }
    if let Some(data) = frame.soroban_data() {
        if !matches!(tx.memo, Memo::None)
            || matches!(tx.source_account, MuxedAccount::MuxedEd25519(_))
        {
            return Err(invalid(
                R::TxSorobanInvalid,
                "Soroban transactions may not use a memo or a muxed source",
            ));
        }
        if let Some(op) = tx.operations.first() {
            if matches!(op.source_account, Some(MuxedAccount::MuxedEd25519(_))) {
                return Err(invalid(
                    R::TxSorobanInvalid,
                    "Soroban operations may not use a muxed source",
                ));
            }
        }
        fees::check_resource_limits(data, frame.size)
            .map_err(|e| invalid(R::TxSorobanInvalid, e))?;
        // A fee bump may carry an inner transaction whose own fee is short (p23+).
        if frame.fee_bump.is_none() && data.resource_fee > tx.fee as i64 {
            return Err(invalid(
                R::TxSorobanInvalid,
                "resourceFee is higher than the full transaction fee",
            ));
        }
        let (non_refundable, refundable) = fees::resource_fee(ctx.network, data, frame.size);
        if data.resource_fee < non_refundable + refundable {
            return Err(invalid(
                R::TxSorobanInvalid,
                format!(
                    "resourceFee {} is lower than the actual Soroban resource fee {}",
                    data.resource_fee,
                    non_refundable + refundable
                ),
            ));
        }
        let mut seen = std::collections::HashSet::new();
        for k in data
            .resources
            .footprint
            .read_only
            .iter()
            .chain(data.resources.footprint.read_write.iter())
        {
            if !seen.insert(k) {
                return Err(invalid(
                    R::TxSorobanInvalid,
                    "duplicate key in the Soroban footprint",
                ));
            }
        }
    }
    if let Some((min_time, max_time)) = time_bounds(&tx.cond) {
        if min_time > ctx.wall_time {
            return Err(invalid(
                R::TxTooEarly,
                "minTime is after the ledger close time",
            ));
        }
        if max_time != 0 && max_time < ctx.wall_time {
            return Err(invalid(
                R::TxTooLate,
                "maxTime is before the ledger close time",
            ));
        }
    }
    if let Preconditions::V2(p) = &tx.cond {
        if let Some(lb) = &p.ledger_bounds {
            if lb.min_ledger > ctx.ledger_seq {
                return Err(invalid(R::TxTooEarly, "minLedger is after the next ledger"));
            }
            if lb.max_ledger != 0 && lb.max_ledger <= ctx.ledger_seq {
                return Err(invalid(R::TxTooLate, "maxLedger is before the next ledger"));
            }
        }
    }
    if frame.fee_bump.is_none() {
        let inclusion = tx.fee as i64 - frame.resource_fee();
        if inclusion < fees::min_inclusion_fee(ctx.base_fee, tx.operations.len()) {
            return Err(invalid(
                R::TxInsufficientFee,
                "fee is below the minimum inclusion fee",
            ));
        }
    }
    let source_id = frame.source();
    let Some(source) = accounts::load_account(ov, &source_id) else {
        return Err(invalid(R::TxNoAccount, "source account does not exist"));
    };
    // With a `minSeqNum` precondition any larger sequence number will do (CAP-21).
    let min_seq = match &tx.cond {
        Preconditions::V2(p) => {
            if p.min_seq_age.0 != 0 || p.min_seq_ledger_gap != 0 || !p.extra_signers.is_empty() {
                return Err(invalid(
                    R::TxNotSupported,
                    "minSeqAge, minSeqLedgerGap and extraSigners are not supported",
                ));
            }
            p.min_seq_num.as_ref().map(|m| m.0)
        }
        _ => None,
    };
    let seq_ok = match min_seq {
        None => tx.seq_num.0 == source.seq_num.0.wrapping_add(1) && tx.seq_num.0 > source.seq_num.0,
        Some(min) => source.seq_num.0 >= min && tx.seq_num.0 > source.seq_num.0,
    };
    if !seq_ok {
        return Err(invalid(
            R::TxBadSeq,
            format!(
                "sequence number {} is not the account's {} + 1",
                tx.seq_num.0, source.seq_num.0
            ),
        ));
    }
    let mut checker = accounts::SignatureChecker::new(frame.inner_hash, &frame.inner_signatures);
    if !checker.check(&source, ThresholdLevel::Low) {
        return Err(invalid(
            R::TxBadAuth,
            "signatures do not meet the source account's low threshold",
        ));
    }
    // Each operation needs its source's threshold for that operation; a shortfall fails
    // the transaction with opBAD_AUTH on that operation (core's processSignatures).
    let mut op_results = vec![];
    let mut ops_ok = true;
    for op in tx.operations.iter() {
        let id = frame.op_source(op);
        let account: Option<AccountEntry> = if id == source_id {
            Some(source.clone())
        } else {
            accounts::load_account(ov, &id)
        };
        let signed = account.is_none_or(|a| checker.check(&a, accounts::threshold_level(&op.body)));
        ops_ok &= signed;
        op_results.push(if signed {
            placeholder_result(&op.body)
        } else {
            OperationResult::OpBadAuth
        });
    }
    if !ops_ok {
        return Err(invalid(
            R::TxFailed(op_results.try_into().unwrap_or_default()),
            "signatures do not meet an operation source's threshold",
        ));
    }
    if !checker.all_used() {
        return Err(invalid(R::TxBadAuthExtra, "unused signatures"));
    }
    if frame.fee_bump.is_none()
        && accounts::available_balance(&source, ctx.base_reserve) < tx.fee as i64
    {
        return Err(invalid(
            R::TxInsufficientBalance,
            "source account cannot pay the fee above its reserve",
        ));
    }
    Ok(())
}

fn time_bounds(cond: &Preconditions) -> Option<(u64, u64)> {
    match cond {
        Preconditions::None => None,
        Preconditions::Time(tb) => Some((tb.min_time.0, tb.max_time.0)),
        Preconditions::V2(p) => p
            .time_bounds
            .as_ref()
            .map(|tb| (tb.min_time.0, tb.max_time.0)),
    }
}

/// The result an operation holds before it runs: its type's success code (what core
/// reports for the operations that were not the problem).
fn placeholder_result(body: &OperationBody) -> OperationResult {
    use soroban_env_host::xdr::*;
    let tr = match body {
        OperationBody::CreateAccount(_) => {
            OperationResultTr::CreateAccount(CreateAccountResult::Success)
        }
        OperationBody::Payment(_) => OperationResultTr::Payment(PaymentResult::Success),
        OperationBody::ChangeTrust(_) => OperationResultTr::ChangeTrust(ChangeTrustResult::Success),
        OperationBody::SetOptions(_) => OperationResultTr::SetOptions(SetOptionsResult::Success),
        OperationBody::ExtendFootprintTtl(_) => {
            OperationResultTr::ExtendFootprintTtl(ExtendFootprintTtlResult::Success)
        }
        OperationBody::RestoreFootprint(_) => {
            OperationResultTr::RestoreFootprint(RestoreFootprintResult::Success)
        }
        _ => return OperationResult::OpNotSupported,
    };
    OperationResult::OpInner(tr)
}
