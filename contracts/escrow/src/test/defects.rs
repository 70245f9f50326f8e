//! The three defects of v1, each replayed against v2 (every test here fails on v1):
//! terms changed under a funder, a one-unit stranger freezing or griefing an escrow, and
//! dust breaking distributions.

use soroban_sdk::{testutils::Address as _, Address};

use super::setup::*;
use crate::{Error, EscrowKind};

/// The platform prepares nothing suspicious: the funder reviews version 1 and signs a
/// `fund` for it; the platform's `update` (a new receiver, a new deadline) lands first. The
/// funder's transaction is refused and nothing moves; funding under the new version works.
#[test]
fn update_then_fund_is_refused() {
    let w = World::single();
    let env = &w.env;
    w.env.mock_all_auths();
    let reviewed = w.escrow.get_escrow().terms_version;
    assert_eq!(reviewed, 1);

    let accomplice = Address::generate(env);
    let mut changed = w.config.clone();
    changed.roles.receiver = accomplice.clone();
    changed.roles.release_signers = soroban_sdk::vec![env, accomplice.clone()];
    changed.roles.approvers = soroban_sdk::vec![env, accomplice.clone()];
    w.escrow.update(&changed);

    let before = w.balance(&w.p.funder);
    assert_eq!(
        w.escrow.try_fund(&w.p.funder, &AMOUNT, &reviewed),
        Err(Ok(Error::TermsChanged))
    );
    assert_eq!(w.balance(&w.p.funder), before, "nothing moved");
    assert_eq!(w.balance(&w.id()), 0);
    assert_eq!(w.escrow.get_escrow().funded, 0);

    // The funder reads the new terms (version 2) and decides knowingly.
    let escrow = w.escrow.get_escrow();
    assert_eq!(
        (escrow.terms_version, escrow.config.roles.receiver),
        (2, accomplice)
    );
    w.escrow.fund(&w.p.funder, &AMOUNT, &2);
    assert_eq!(w.balance(&w.id()), AMOUNT);
}

/// The platform fee could be raised to 99.7 % by `update` in v1; now it is fixed.
#[test]
fn update_cannot_raise_the_fee_before_funding() {
    let w = World::single();
    w.env.mock_all_auths();
    let mut greedy = w.config.clone();
    greedy.platform_fee_bps = 9_970;
    assert_eq!(w.escrow.try_update(&greedy), Err(Ok(Error::ImmutableField)));
    assert_eq!(w.escrow.get_escrow().terms_version, 1);
}

/// A stranger funds one base unit, then tries to dispute: refused (not a named party), and
/// the escrow is released as agreed.
#[test]
fn a_one_unit_stranger_cannot_stop_a_release() {
    for kind in [EscrowKind::Single, EscrowKind::Multi] {
        let w = World::build(kind, 1, 1, 1, 1);
        w.env.mock_all_auths();
        w.sac.mint(&w.p.stranger, &1);
        w.escrow.fund(&w.p.stranger, &1, &1);
        let why = text(&w.env, "mine now");
        match kind {
            EscrowKind::Single => assert_eq!(
                w.escrow.try_dispute(&w.p.stranger, &why),
                Err(Ok(Error::NotAParty))
            ),
            EscrowKind::Multi => {
                assert_eq!(
                    w.escrow.try_dispute_milestone(&0, &w.p.stranger, &why),
                    Err(Ok(Error::NotAParty))
                )
            }
        }
        w.fund_all();
        w.release_all();
        let escrow = w.escrow.get_escrow();
        assert_eq!(
            (escrow.funded, escrow.paid_out, escrow.balance),
            (AMOUNT, AMOUNT, 0)
        );
    }
}

/// The stranger's unit arrives first; the real funder's full `fund` (prepared and signed for
/// the whole amount) still succeeds, keeps only what was missing and returns the rest.
#[test]
fn a_one_unit_stranger_cannot_make_full_funding_fail() {
    let w = World::single();
    w.env.mock_all_auths();
    w.sac.mint(&w.p.stranger, &1);
    w.escrow.fund(&w.p.stranger, &1, &1);
    let before = w.balance(&w.p.funder);
    w.escrow.fund(&w.p.funder, &AMOUNT, &1);
    assert_eq!(
        w.balance(&w.p.funder),
        before - (AMOUNT - 1),
        "the excess unit came straight back"
    );
    assert_eq!(w.balance(&w.id()), AMOUNT);
    assert_eq!(w.escrow.get_funding(&w.p.funder), AMOUNT - 1);
    assert_eq!(w.escrow.get_funding(&w.p.stranger), 1);
    assert_eq!(w.escrow.get_escrow().funded, AMOUNT);
}

/// Somebody sends a unit straight to the escrow just before the resolver's transaction; the
/// resolution (planned over the funded amount) still goes through, pays exactly its shares,
/// and the unit stays for `withdraw_remaining`.
#[test]
fn dust_before_resolve() {
    let w = World::single();
    w.fund_and_dispute();
    w.sac.mint(&w.id(), &1);
    w.escrow
        .resolve(&w.shares(&[(&w.p.funder, 4 * UNIT), (&w.p.receiver, 6 * UNIT)]));
    assert_eq!(w.balance(&w.p.receiver), 6 * UNIT - 6 * UNIT * 33 / 1000);
    assert_eq!(
        w.balance(&w.id()),
        1,
        "what leaves is what was distributed, to the unit"
    );
    assert_eq!(w.escrow.get_escrow().paid_out, AMOUNT);
    w.escrow
        .withdraw_remaining(&w.shares(&[(&w.p.platform, 1)]));
    assert_eq!(w.balance(&w.id()), 0);
}

/// The same before `withdraw_remaining`: a valid withdrawal stays valid.
#[test]
fn dust_before_withdraw() {
    let w = World::multi();
    w.fund_and_resolve_milestone_1_in_part();
    w.release_one(0);
    assert_eq!(w.balance(&w.id()), 4 * UNIT);
    w.sac.mint(&w.id(), &1);
    w.escrow
        .withdraw_remaining(&w.shares(&[(&w.p.funder, 4 * UNIT)]));
    assert_eq!(w.balance(&w.id()), 1);
    assert_eq!(
        w.escrow
            .try_withdraw_remaining(&w.shares(&[(&w.p.funder, 2)])),
        Err(Ok(Error::DistributionMismatch))
    );
    w.escrow.withdraw_remaining(&w.shares(&[(&w.p.funder, 1)]));
    assert_eq!(w.balance(&w.id()), 0);
}
