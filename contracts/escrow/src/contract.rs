//! The escrow's entry points. Each checks its preconditions, then auth, then moves
//! tokens, then saves and emits one event: a refusal never leaves a trace.

use soroban_sdk::{contract, contractimpl, Address, Env, Map, String, Vec};

use crate::errors::Error;
use crate::events;
use crate::payout;
use crate::rules;
use crate::storage::{self, Flagged, State, APPROVED, DISPUTED, REFUNDING, RELEASED, RESOLVED};
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
        storage::set_config(&env, &config);
        storage::set_state(&env, &State::fresh(&env, config.milestones.len()));
        events::Created { config }.emit(&env);
        Ok(())
    }

    /// Moves `amount` of the token from `from` into the escrow. [auth: `from`]
    pub fn fund(env: Env, from: Address, amount: i128) -> Result<(), Error> {
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
        rules::open_for_money(&config, &state)?;
        if rules::deadline_passed(&env, &config) {
            return Err(Error::DeadlinePassed);
        }
        let funded = state.funded.checked_add(amount).ok_or(Error::Overflow)?;
        if funded > config.total()? {
            return Err(Error::Overfunded);
        }
        from.require_auth();
        payout::transfer(&env, &config, &from, &this, amount);
        let mut funds = storage::funds(&env, &state);
        funds.add(&from, amount)?;
        storage::set_funds(&env, &funds, &mut state);
        state.funded = funded;
        storage::set_state(&env, &state);
        events::Funded { from, amount }.emit(&env);
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
        storage::set_state(&env, &state);
        events::StatusSet { index, status, evidence }.emit(&env);
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
        storage::set_state(&env, &state);
        events::Approved { index, approver, approved }.emit(&env);
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
        storage::set_state(&env, &state);
        events::Released { index: None, signers, payout }.emit(&env);
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
        let receiver = config.milestone_receivers.get_unchecked(index).unwrap_or(config.receiver.clone());
        let payout = payout::release(&env, &config, receiver, amount)?;
        milestone.mark(RELEASED);
        state.set_milestone(&env, index, milestone);
        state.paid_out = rules::add(state.paid_out, amount)?;
        storage::set_state(&env, &state);
        events::Released { index: Some(index), signers, payout }.emit(&env);
        Ok(())
    }

    /// Single: opens a dispute on the escrow. [auth: `by`, a party other than the resolver]
    pub fn dispute(env: Env, by: Address, reason: String) -> Result<(), Error> {
        let config = storage::terms(&env);
        let mut state = storage::state(&env);
        rules::kind(&config, EscrowKind::Single)?;
        validation::text(&reason, MAX_TEXT_LEN)?;
        rules::may_dispute(&env, &config, &state, &by)?;
        rules::open_for_money(&config, &state)?;
        if state.is(DISPUTED) {
            return Err(Error::AlreadyDisputed);
        }
        by.require_auth();
        state.mark(DISPUTED);
        state.reason = Some(reason.clone());
        storage::set_state(&env, &state);
        events::Disputed { index: None, by, reason }.emit(&env);
        Ok(())
    }

    /// Multi: opens a dispute on milestone `index`. [auth: `by`, a party other than the resolver]
    pub fn dispute_milestone(env: Env, index: u32, by: Address, reason: String) -> Result<(), Error> {
        let config = storage::terms(&env);
        let mut state = storage::state(&env);
        rules::kind(&config, EscrowKind::Multi)?;
        let mut milestone = rules::milestone(&state, index)?;
        validation::text(&reason, MAX_TEXT_LEN)?;
        rules::may_dispute(&env, &config, &state, &by)?;
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
        storage::set_state(&env, &state);
        events::Disputed { index: Some(index), by, reason }.emit(&env);
        Ok(())
    }

    /// Single: settles the dispute by paying out the whole balance as `distributions`.
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
        let plan = payout::plan(&env, &config, &distributions, storage::funds(&env, &state))?;
        if plan.total != payout::balance(&env, &config) {
            return Err(Error::DistributionMismatch);
        }
        config.dispute_resolver.require_auth();
        payout::pay(&env, &config, &plan);
        if plan.refunds {
            // Only a refund changes the contributions: otherwise the entry stays as it is.
            storage::set_funds(&env, &plan.funds, &mut state);
        }
        state.mark(RESOLVED);
        state.paid_out = rules::add(state.paid_out, plan.total)?;
        storage::set_state(&env, &state);
        events::Resolved { index: None, payouts: plan.payouts }.emit(&env);
        Ok(())
    }

    /// Multi: settles milestone `index`'s dispute; the shares may add up to at most the
    /// milestone's amount (and the balance). [auth: dispute resolver]
    pub fn resolve_milestone(env: Env, index: u32, distributions: Map<Address, i128>) -> Result<(), Error> {
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
        let plan = payout::plan(&env, &config, &distributions, storage::funds(&env, &state))?;
        if plan.total > config.milestone_amounts.get_unchecked(index) {
            return Err(Error::DistributionMismatch);
        }
        if plan.total > payout::balance(&env, &config) {
            return Err(Error::InsufficientBalance);
        }
        config.dispute_resolver.require_auth();
        payout::pay(&env, &config, &plan);
        if plan.refunds {
            // Only a refund changes the contributions: otherwise the entry stays as it is.
            storage::set_funds(&env, &plan.funds, &mut state);
        }
        milestone.mark(RESOLVED);
        state.set_milestone(&env, index, milestone);
        state.paid_out = rules::add(state.paid_out, plan.total)?;
        storage::set_state(&env, &state);
        events::Resolved { index: Some(index), payouts: plan.payouts }.emit(&env);
        Ok(())
    }

    /// Once the escrow is finished, distributes whatever it still holds (including tokens
    /// sent to it outside `fund`); the shares must add up to the balance. [auth: dispute resolver]
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
        let plan = payout::plan(&env, &config, &distributions, storage::funds(&env, &state))?;
        if plan.total != balance {
            return Err(Error::DistributionMismatch);
        }
        config.dispute_resolver.require_auth();
        payout::pay(&env, &config, &plan);
        if plan.refunds {
            // Only a refund changes the contributions: otherwise the entry stays as it is.
            storage::set_funds(&env, &plan.funds, &mut state);
        }
        state.paid_out = rules::add(state.paid_out, plan.total)?;
        storage::set_state(&env, &state);
        events::Withdrawn { payouts: plan.payouts }.emit(&env);
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
            Some(_) if !rules::deadline_passed(&env, &config) => return Err(Error::DeadlineNotReached),
            Some(_) => {}
        }
        rules::refundable(&state)?;
        let mut funds = storage::funds(&env, &state);
        let amount = funds.held(&funder);
        if amount <= 0 {
            return Err(Error::NothingToRefund);
        }
        if payout::balance(&env, &config) < amount {
            return Err(Error::InsufficientBalance);
        }
        payout::send(&env, &config, &funder, amount);
        funds.set(&funder, 0);
        storage::set_funds(&env, &funds, &mut state);
        state.mark(REFUNDING);
        state.refunded = rules::add(state.refunded, amount)?;
        storage::set_state(&env, &state);
        events::Refunded { funder, amount }.emit(&env);
        Ok(())
    }

    /// Replaces the config while nothing was ever funded, nothing approved and no dispute
    /// opened; `platform`, `token` and `protocol_fee` never change. Milestone progress
    /// starts afresh. [auth: platform]
    pub fn update(env: Env, config: EscrowConfig) -> Result<(), Error> {
        let current = storage::terms(&env);
        let state = storage::state(&env);
        if config.roles.platform != current.platform
            || config.token != current.token
            || config.protocol_fee.recipient != current.protocol_recipient
            || config.protocol_fee.bps != current.protocol_bps
        {
            return Err(Error::ImmutableField);
        }
        let touched = state.funded != 0
            || state.is(DISPUTED)
            || state.milestones.iter().any(|m| m.is(DISPUTED) || storage::row_approvals(&m) != 0);
        if touched || payout::balance(&env, &current) != 0 {
            return Err(Error::UpdateNotAllowed);
        }
        validation::config(&env, &config)?;
        current.platform.require_auth();
        storage::set_config(&env, &config);
        storage::set_state(&env, &State::fresh(&env, config.milestones.len()));
        events::Updated { config }.emit(&env);
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
            dispute_reason: state.reason.clone().unwrap_or_else(|| String::from_str(&env, "")),
            released: state.is(RELEASED),
            resolved: state.is(RESOLVED),
            funded: state.funded,
            paid_out: state.paid_out,
            refunded: state.refunded,
            refunding: state.is(REFUNDING),
            balance,
        }
    }

    /// What `funder` still has in the escrow: their contributions minus what was paid
    /// back to them (by a refund, or fee-free in a distribution).
    pub fn get_funding(env: Env, funder: Address) -> i128 {
        storage::funds(&env, &storage::state(&env)).held(&funder)
    }
}
