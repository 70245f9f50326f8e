//! `update`: only before anything happened, and never the platform, the token or the fees.

use soroban_sdk::{testutils::Address as _, vec, Address};

use super::setup::*;
use crate::{EscrowKind, MilestoneConfig, ProtocolFee};

#[test]
fn update_replaces_the_config_before_funding() {
    let w = World::single();
    let env = &w.env;
    w.env.mock_all_auths();
    w.escrow
        .set_milestone_status(&0, &text(env, "draft"), &None);
    let mut config = w.config.clone();
    config.title = text(env, "Logo and icon");
    config.kind = EscrowKind::Multi;
    config.amount = 0;
    config.milestones = vec![
        env,
        MilestoneConfig {
            description: text(env, "All"),
            amount: 3 * UNIT,
            receiver: None,
        },
    ];
    w.escrow.update(&config);
    let escrow = w.escrow.get_escrow();
    assert_eq!(escrow.config, config);
    assert_eq!(escrow.milestones.len(), 1);
    assert_eq!(
        escrow.milestones.get(0).unwrap().status,
        text(env, ""),
        "progress starts afresh"
    );
    assert_eq!(
        w.escrow.get_escrow().terms_version,
        2,
        "the update advanced the terms version"
    );
    w.escrow.fund(&w.p.funder, &(3 * UNIT), &2);
    assert!(
        w.escrow.try_fund(&w.p.funder, &1, &2).is_err(),
        "the new total applies"
    );
}

#[test]
fn platform_token_and_fees_are_immutable() {
    let w = World::single();
    let other = Address::generate(&w.env);
    w.env.mock_all_auths();
    let mut c = w.config.clone();
    c.roles.platform = other.clone();
    assert!(w.escrow.try_update(&c).is_err());
    let mut c = w.config.clone();
    c.token = other.clone();
    assert!(w.escrow.try_update(&c).is_err());
    let mut c = w.config.clone();
    c.protocol_fee = ProtocolFee {
        recipient: other.clone(),
        bps: 30,
    };
    assert!(w.escrow.try_update(&c).is_err());
    let mut c = w.config.clone();
    c.protocol_fee.bps = 0;
    assert!(w.escrow.try_update(&c).is_err());
    let mut c = w.config.clone();
    c.platform_fee_bps = 9_970;
    assert!(
        w.escrow.try_update(&c).is_err(),
        "the platform fee is fixed at deployment too"
    );
    assert_eq!(w.escrow.get_escrow().config, w.config);
}

#[test]
fn no_update_after_funding_approval_dispute_or_a_direct_transfer() {
    let funded = World::single();
    funded.env.mock_all_auths();
    funded.escrow.fund(&funded.p.funder, &1, &1);
    assert!(funded.escrow.try_update(&funded.config).is_err());

    let approved = World::single();
    approved.approve(0);
    assert!(approved.escrow.try_update(&approved.config).is_err());

    let disputed = World::single();
    disputed.env.mock_all_auths();
    disputed
        .escrow
        .dispute(&disputed.p.receiver, &text(&disputed.env, "x"));
    assert!(disputed.escrow.try_update(&disputed.config).is_err());

    let sent = World::single();
    sent.sac.mint(&sent.id(), &1);
    assert!(sent.escrow.try_update(&sent.config).is_err());
}
