//! The escrow's entry points. Each checks its preconditions, then auth, then moves
//! tokens, then saves and emits one event: a refusal never leaves a trace.

use soroban_sdk::{contract, contractimpl, Address, Env, Map, String, Vec};

use crate::errors::Error;
use crate::events;
use crate::payout;
use crate::rules;
use crate::storage::{self, Flagged, State, APPROVED, DISPUTED, REFUNDING, RELEASED, RESOLVED};

/// The constructor's terms are version 1; every `update` advances it.
const FIRST_TERMS: u32 = 1;
use crate::types::{Escrow, EscrowConfig, EscrowKind};
use crate::validation::{self, MAX_STATUS_LEN, MAX_TEXT_LEN};

#[contract]
pub struct EscrowContract;

#[contractimpl]
impl EscrowContract {
    /// Deploys and initialises the escrow in one step. [auth: `config.platform`]
    pub fn __constructor(env: Env, config: EscrowConfig) -> Result<(), Error> {
        config.roles.platform.require_auth();
        validation::config(&env, &config)?;
        let (terms, texts) = storage::set_config(&env, &config);
        storage::set_state(
            &env,
            &mut State::fresh(&env, config.milestones.len(), FIRST_TERMS, 0),
        );
        events::Created(terms, texts).emit(&env);
        Ok(())
    }

    /// Moves up to `amount` of the token from `from` into the escrow, under the terms
    /// `terms_version` that the funder reviewed: if the escrow is short of less than
    /// `amount`, it keeps only what is missing and sends the rest straight back, so that
    /// somebody else's funding can never make this one fail. [auth: `from`]
    pub fn fund(env: Env, from: Address, amount: i128, terms_version: u32) -> Result<(), Error> {
        let config = storage::terms(&env);
        let mut state = storage::state(&env);
        if amount <= 0 {
            return Err(Error::InvalidFundAmount);
        }
        let this = env.current_contract_address();
        if from == this {
            // It could authorise itself and inflate `funded` without bringing anything in.
            return Err(Error::InvalidRecipient);
        }
        if terms_version != state.terms_version {
            return Err(Error::TermsChanged);
        }
        rules::open_for_money(&config, &state)?;
        if rules::deadline_passed(&env, &config) {
            return Err(Error::DeadlinePassed);
        }
        let missing = config
            .total()?
            .checked_sub(state.funded)
            .ok_or(Error::Overflow)?;
        if missing <= 0 {
            return Err(Error::Overfunded);
        }
        let taken = amount.min(missing);
        from.require_auth();
        // The whole `amount` moves in (that is the transfer the funder signed), the excess
        // straight back out.
        payout::transfer(&env, &config, &from, &this, amount);
        payout::send(&env, &config, &from, amount - taken);
        state.funds.add(&from, taken)?;
        state.funded = rules::add(state.funded, taken)?;
        storage::set_state(&env, &mut state);
        events::Funded(from, taken).emit(&env);
        Ok(())
    }

    /// Sets milestone `index`'s status, and its evidence when given. [auth: service provider]
    pub fn set_milestone_status(
        env: Env,
        index: u32,
        status: String,
        evidence: Option<String>,
    ) -> Result<(), Error> {
        let config = storage::terms(&env);
        let mut state = storage::state(&env);
        let mut milestone = rules::milestone(&state, index)?;
        if status.is_empty() {
            return Err(Error::EmptyStatus);
        }
        validation::text(&status, MAX_STATUS_LEN)?;
        if let Some(evidence) = &evidence {
            validation::text(evidence, MAX_TEXT_LEN)?;
        }
        rules::not_finished(&config, &state, &milestone)?;
        config.service_provider.require_auth();
        milestone.status = Some(status.clone());
        if let Some(evidence) = &evidence {
            milestone.evidence = Some(evidence.clone());
        }
        state.set_milestone(&env, index, milestone);
        storage::set_state(&env, &mut state);
        events::StatusSet(index, status, evidence).emit(&env);
        Ok(())
    }

    /// Records `approver`'s approval of milestone `index`. [auth: `approver`, one of the approvers]
    pub fn approve_milestone(env: Env, index: u32, approver: Address) -> Result<(), Error> {
        let config = storage::terms(&env);
        let mut state = storage::state(&env);
        let mut milestone = rules::milestone(&state, index)?;
        let slot = storage::position(&config.approvers, &approver).ok_or(Error::NotApprover)?;
        if state.is(REFUNDING) {
            return Err(Error::Refunding);
        }
        rules::not_finished(&config, &state, &milestone)?;
        if milestone.is(DISPUTED) || state.is(DISPUTED) {
            return Err(Error::Disputed);
        }
        if milestone.status.is_none() {
            return Err(Error::StatusNotSet);
        }
        let bit = 1u32 << slot;
        if milestone.approvals & bit != 0 {
            return Err(Error::AlreadyApproved);
        }
        approver.require_auth();
        milestone.approvals |= bit;
        let approved = milestone.approvals.count_ones() >= config.approvals_required;
        if approved {
            milestone.mark(APPROVED);
        }
        state.set_milestone(&env, index, milestone);
        storage::set_state(&env, &mut state);
        events::Approved(index, approver, approved).emit(&env);
        Ok(())
    }

    /// Single: pays `amount` minus fees to the receiver once every milestone is approved.
    /// [auth: each of `signers`, at least `releases_required` distinct release signers]
    pub fn release(env: Env, signers: Vec<Address>) -> Result<(), Error> {
        let config = storage::terms(&env);
        let mut state = storage::state(&env);
        rules::kind(&config, EscrowKind::Single)?;
        rules::open_for_money(&config, &state)?;
        if state.is(DISPUTED) {
            return Err(Error::Disputed);
        }
        if !state.milestones.iter().all(|m| m.is(APPROVED)) {
            return Err(Error::NotApproved);
        }
        if state.funded != config.amount {
            return Err(Error::NotFullyFunded);
        }
        if payout::balance(&env, &config) < config.amount {
            return Err(Error::InsufficientBalance);
        }
        rules::authorize_release(&config, &signers)?;
        let payout = payout::release(&env, &config, config.receiver.clone(), config.amount)?;
        state.mark(RELEASED);
        state.paid_out = rules::add(state.paid_out, config.amount)?;
        storage::set_state(&env, &mut state);
        events::Released(None, signers, payout).emit(&env);
        Ok(())
    }

    /// Multi: pays milestone `index`'s amount minus fees to its receiver.
    /// [auth: each of `signers`, at least `releases_required` distinct release signers]
    pub fn release_milestone(env: Env, index: u32, signers: Vec<Address>) -> Result<(), Error> {
        let config = storage::terms(&env);
        let mut state = storage::state(&env);
        rules::kind(&config, EscrowKind::Multi)?;
        let mut milestone = rules::milestone(&state, index)?;
        if state.is(REFUNDING) {
            return Err(Error::Refunding);
        }
        rules::not_finished(&config, &state, &milestone)?;
        if milestone.is(DISPUTED) {
            return Err(Error::Disputed);
        }
        if !milestone.is(APPROVED) {
            return Err(Error::NotApproved);
        }
        let amount = config.milestone_amounts.get_unchecked(index);
        if payout::balance(&env, &config) < amount {
            return Err(Error::InsufficientBalance);
        }
        rules::authorize_release(&config, &signers)?;
        let receiver = config
            .milestone_receivers
            .get_unchecked(index)
            .unwrap_or(config.receiver.clone());
        let payout = payout::release(&env, &config, receiver, amount)?;
        milestone.mark(RELEASED);
        state.set_milestone(&env, index, milestone);
        state.paid_out = rules::add(state.paid_out, amount)?;
        storage::set_state(&env, &mut state);
        events::Released(Some(index), signers, payout).emit(&env);
        Ok(())
    }

    /// Single: opens a dispute on the escrow. [auth: `by`, a party other than the resolver]
    pub fn dispute(env: Env, by: Address, reason: String) -> Result<(), Error> {
        let config = storage::terms(&env);
        let mut state = storage::state(&env);
        rules::kind(&config, EscrowKind::Single)?;
        validation::text(&reason, MAX_TEXT_LEN)?;
        rules::may_dispute(&config, &by)?;
        rules::open_for_money(&config, &state)?;
        if state.is(DISPUTED) {
            return Err(Error::AlreadyDisputed);
        }
        by.require_auth();
        state.mark(DISPUTED);
        state.reason = Some(reason.clone());
        storage::set_state(&env, &mut state);
        events::Disputed(None, by, reason).emit(&env);
        Ok(())
    }

    /// Multi: opens a dispute on milestone `index`. [auth: `by`, a party other than the resolver]
    pub fn dispute_milestone(
        env: Env,
        index: u32,
        by: Address,
        reason: String,
    ) -> Result<(), Error> {
        let config = storage::terms(&env);
        let mut state = storage::state(&env);
        rules::kind(&config, EscrowKind::Multi)?;
        let mut milestone = rules::milestone(&state, index)?;
        validation::text(&reason, MAX_TEXT_LEN)?;
        rules::may_dispute(&config, &by)?;
        if state.is(REFUNDING) {
            return Err(Error::Refunding);
        }
        rules::not_finished(&config, &state, &milestone)?;
        if milestone.is(DISPUTED) {
            return Err(Error::AlreadyDisputed);
        }
        by.require_auth();
        milestone.mark(DISPUTED);
        milestone.reason = Some(reason.clone());
        state.set_milestone(&env, index, milestone);
        storage::set_state(&env, &mut state);
        events::Disputed(Some(index), by, reason).emit(&env);
        Ok(())
    }

    /// Single: settles the dispute by paying out `distributions`, which may add up to at most
    /// the balance (the rest stays for `withdraw_remaining`).
    /// [auth: dispute resolver]
    pub fn resolve(env: Env, distributions: Map<Address, i128>) -> Result<(), Error> {
        let config = storage::terms(&env);
        let mut state = storage::state(&env);
        rules::kind(&config, EscrowKind::Single)?;
        if state.is(RESOLVED) {
            return Err(Error::AlreadyResolved);
        }
        if !state.is(DISPUTED) {
            return Err(Error::NotDisputed);
        }
        let plan = payout::plan(&env, &config, &distributions, state.funds.clone())?;
        // At most the balance: whatever else arrived stays for `withdraw_remaining`.
        if plan.total > payout::balance(&env, &config) {
            return Err(Error::DistributionMismatch);
        }
        config.dispute_resolver.require_auth();
        payout::pay(&env, &config, &plan);
        if plan.refunds {
            state.funds = plan.funds;
        }
        state.mark(RESOLVED);
        state.paid_out = rules::add(state.paid_out, plan.total)?;
        storage::set_state(&env, &mut state);
        events::Resolved(None, plan.payouts).emit(&env);
        Ok(())
    }

    /// Multi: settles milestone `index`'s dispute; the shares may add up to at most the
    /// milestone's amount (and the balance). [auth: dispute resolver]
    pub fn resolve_milestone(
        env: Env,
        index: u32,
        distributions: Map<Address, i128>,
    ) -> Result<(), Error> {
        let config = storage::terms(&env);
        let mut state = storage::state(&env);
        rules::kind(&config, EscrowKind::Multi)?;
        let mut milestone = rules::milestone(&state, index)?;
        if milestone.is(RESOLVED) {
            return Err(Error::AlreadyResolved);
        }
        if !milestone.is(DISPUTED) {
            return Err(Error::NotDisputed);
        }
        let plan = payout::plan(&env, &config, &distributions, state.funds.clone())?;
        if plan.total > config.milestone_amounts.get_unchecked(index) {
            return Err(Error::DistributionMismatch);
        }
        if plan.total > payout::balance(&env, &config) {
            return Err(Error::InsufficientBalance);
        }
        config.dispute_resolver.require_auth();
        payout::pay(&env, &config, &plan);
        if plan.refunds {
            state.funds = plan.funds;
        }
        milestone.mark(RESOLVED);
        state.set_milestone(&env, index, milestone);
        state.paid_out = rules::add(state.paid_out, plan.total)?;
        storage::set_state(&env, &mut state);
        events::Resolved(Some(index), plan.payouts).emit(&env);
        Ok(())
    }

    /// Once the escrow is finished, distributes whatever it still holds (including tokens
    /// sent to it outside `fund`); the shares may add up to at most the balance, the rest
    /// staying for a later withdrawal. [auth: dispute resolver]
    pub fn withdraw_remaining(env: Env, distributions: Map<Address, i128>) -> Result<(), Error> {
        let config = storage::terms(&env);
        let mut state = storage::state(&env);
        if !rules::finished(&config, &state) {
            return Err(Error::NotFinished);
        }
        let balance = payout::balance(&env, &config);
        if balance <= 0 {
            return Err(Error::NothingToWithdraw);
        }
        let plan = payout::plan(&env, &config, &distributions, state.funds.clone())?;
        // At most the balance: what arrives meanwhile stays for the next withdrawal.
        if plan.total > balance {
            return Err(Error::DistributionMismatch);
        }
        config.dispute_resolver.require_auth();
        payout::pay(&env, &config, &plan);
        if plan.refunds {
            state.funds = plan.funds;
        }
        state.paid_out = rules::add(state.paid_out, plan.total)?;
        storage::set_state(&env, &mut state);
        events::Withdrawn(plan.payouts).emit(&env);
        Ok(())
    }

    /// After the deadline, pays `funder` their whole contribution back, fee-free, once —
    /// if no dispute is open and nothing was released or resolved. Anyone may call it;
    /// the money only ever goes to `funder`. [auth: none]
    pub fn claim_refund(env: Env, funder: Address) -> Result<(), Error> {
        let config = storage::terms(&env);
        let mut state = storage::state(&env);
        match config.deadline {
            None => return Err(Error::NoDeadline),
            Some(_) if !rules::deadline_passed(&env, &config) => {
                return Err(Error::DeadlineNotReached)
            }
            Some(_) => {}
        }
        rules::refundable(&state)?;
        let amount = state.funds.held(&funder);
        if amount <= 0 {
            return Err(Error::NothingToRefund);
        }
        if payout::balance(&env, &config) < amount {
            return Err(Error::InsufficientBalance);
        }
        payout::send(&env, &config, &funder, amount);
        state.funds.set(&funder, 0);
        state.mark(REFUNDING);
        state.refunded = rules::add(state.refunded, amount)?;
        storage::set_state(&env, &mut state);
        events::Refunded(funder, amount).emit(&env);
        Ok(())
    }

    /// Replaces the config while nothing was ever funded, nothing approved and no dispute
    /// opened; `platform`, `token`, `platform_fee_bps` and `protocol_fee` never change.
    /// Milestone progress starts afresh and the terms version advances, so a `fund` prepared
    /// under the old terms is refused. [auth: platform]
    pub fn update(env: Env, config: EscrowConfig) -> Result<(), Error> {
        let current = storage::terms(&env);
        let state = storage::state(&env);
        if config.roles.platform != current.platform
            || config.token != current.token
            || config.protocol_fee.recipient != current.protocol_recipient
            || config.protocol_fee.bps != current.protocol_bps
            || config.platform_fee_bps != current.platform_fee_bps
        {
            return Err(Error::ImmutableField);
        }
        let touched = state.funded != 0
            || state.is(DISPUTED)
            || state
                .milestones
                .iter()
                .any(|m| m.is(DISPUTED) || storage::row_approvals(&m) != 0);
        if touched || payout::balance(&env, &current) != 0 {
            return Err(Error::UpdateNotAllowed);
        }
        validation::config(&env, &config)?;
        current.platform.require_auth();
        let (terms, texts) = storage::set_config(&env, &config);
        let terms_version = state.terms_version.checked_add(1).ok_or(Error::Overflow)?;
        storage::set_state(
            &env,
            &mut State::fresh(&env, config.milestones.len(), terms_version, state.ttl_due),
        );
        events::Updated(terms, texts, terms_version).emit(&env);
        Ok(())
    }

    /// Extends the instance and every persistent entry to the network maximum. (The code
    /// entry is shared by every escrow: see README.) [auth: none]
    pub fn extend_ttl(env: Env) {
        storage::extend_all(&env);
    }

    /// The config, the progress, the totals and the live token balance.
    pub fn get_escrow(env: Env) -> Escrow {
        let terms = storage::terms(&env);
        let state = storage::state(&env);
        let balance = payout::balance(&env, &terms);
        let mut milestones = Vec::from_array(&env, []);
        for i in 0..state.milestones.len() {
            milestones.push_back(state.milestone_view(&env, i, &terms.approvers));
        }
        Escrow {
            config: storage::config(&env, terms),
            milestones,
            disputed: state.is(DISPUTED),
            dispute_reason: state
                .reason
                .clone()
                .unwrap_or_else(|| String::from_str(&env, "")),
            released: state.is(RELEASED),
            resolved: state.is(RESOLVED),
            funded: state.funded,
            paid_out: state.paid_out,
            refunded: state.refunded,
            refunding: state.is(REFUNDING),
            balance,
            terms_version: state.terms_version,
        }
    }

    /// What `funder` still has in the escrow: their contributions minus what was paid
    /// back to them (by a refund, or fee-free in a distribution).
    pub fn get_funding(env: Env, funder: Address) -> i128 {
        storage::state(&env).funds.held(&funder)
    }
}
