//! Property tests for fees and distributions: the tokens that leave equal the amount
//! released or distributed, nothing is overpaid, nothing is negative, and what goes back
//! to a funder (up to their contribution) bears no fee.

use proptest::prelude::*;
use soroban_sdk::{testutils::Address as _, Address, Map};

use super::setup::*;
use crate::{bps_of, split};

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn split_never_pays_more_than_gross(
        gross in 1i128..=1_000_000_000_000_000_000_000_000_000_000i128,
        refundable in 0i128..=2_000_000_000_000_000_000_000_000_000_000i128,
        protocol in 0u32..=10_000,
        platform_share in 0u32..=10_000,
    ) {
        let platform = platform_share.min(10_000 - protocol);
        let s = split(gross, refundable, protocol, platform).unwrap();
        prop_assert_eq!(s.gross, gross);
        prop_assert_eq!(s.refund, gross.min(refundable));
        prop_assert_eq!(s.net + s.protocol_fee + s.platform_fee, gross);
        prop_assert!(s.net >= s.refund && s.protocol_fee >= 0 && s.platform_fee >= 0);
        let feeable = gross - s.refund;
        prop_assert_eq!(s.protocol_fee, feeable * protocol as i128 / 10_000);
        prop_assert_eq!(s.platform_fee, feeable * platform as i128 / 10_000);
    }

    #[test]
    fn fees_never_overflow(gross in (i128::MAX - 1_000_000)..=i128::MAX, bps in 0u32..=10_000) {
        let fee = bps_of(gross, bps);
        prop_assert!(fee >= 0 && fee <= gross);
        let s = split(gross, 0, bps, 10_000 - bps).unwrap();
        prop_assert_eq!(s.net + s.protocol_fee + s.platform_fee, gross);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// A Single escrow funded by 1–3 funders, disputed, and resolved over the funders, the
    /// receiver and an outsider with random shares summing to the balance.
    #[test]
    fn distribution_pays_out_exactly_the_shares(
        contributions in prop::collection::vec(1i128..=1_000_000_000_000, 1..=3),
        weights in prop::collection::vec(0u64..=1_000, 5),
        platform_bps in 0u32..=1_000,
        protocol_bps in 0u32..=500,
    ) {
        resolve_and_check(&contributions, &weights, platform_bps, protocol_bps, 0)?;
    }

    /// The same with `extra` tokens sent straight to the escrow before the resolution (dust,
    /// or a griefer): the shares still add up to the funded total only, what leaves is
    /// exactly the shares, and the extra stays, then leaves to the unit by `withdraw_remaining`.
    #[test]
    fn distribution_with_extra_balance_pays_exactly_the_shares(
        contributions in prop::collection::vec(1i128..=1_000_000_000_000, 1..=3),
        weights in prop::collection::vec(0u64..=1_000, 5),
        platform_bps in 0u32..=1_000,
        protocol_bps in 0u32..=500,
        extra in 1i128..=1_000_000_000,
    ) {
        resolve_and_check(&contributions, &weights, platform_bps, protocol_bps, extra)?;
    }
}

fn resolve_and_check(
    contributions: &[i128],
    weights: &[u64],
    platform_bps: u32,
    protocol_bps: u32,
    extra: i128,
) -> Result<(), TestCaseError> {
    let env = env();
    let p = Parties::new(&env, 1, 1);
    let (token, sac) = new_token(&env);
    let total: i128 = contributions.iter().sum();
    let mut config = single_config(&env, &token.address, p.roles(&env, 1, 1), &p.protocol);
    config.amount = total;
    config.platform_fee_bps = platform_bps;
    config.protocol_fee.bps = protocol_bps;
    let w = World::with_config(env, p, token, sac, config);
    let funders: std::vec::Vec<Address> = contributions
        .iter()
        .map(|_| Address::generate(&w.env))
        .collect();
    w.env.mock_all_auths();
    for (funder, amount) in funders.iter().zip(contributions) {
        w.sac.mint(funder, amount);
        w.escrow.fund(funder, amount, &1);
    }
    w.escrow.dispute(&w.p.approvers[0], &text(&w.env, "split"));

    // Shares proportional to the weights, the rounding remainder to the last one.
    let mut recipients = funders.clone();
    recipients.push(w.p.receiver.clone());
    recipients.push(w.p.stranger.clone());
    let weight_sum: u64 = weights.iter().take(recipients.len()).sum::<u64>().max(1);
    let mut shares: std::vec::Vec<(Address, i128)> = std::vec::Vec::new();
    let mut left = total;
    for (i, who) in recipients.iter().enumerate() {
        let share = if i + 1 == recipients.len() {
            left
        } else {
            total * weights[i] as i128 / weight_sum as i128
        };
        left -= share;
        if share > 0 {
            shares.push((who.clone(), share));
        }
    }
    prop_assume!(!shares.is_empty());
    let mut map = Map::new(&w.env);
    for (who, share) in &shares {
        map.set(who.clone(), *share);
    }

    if extra > 0 {
        w.sac.mint(&w.id(), &extra);
    }
    let before: std::vec::Vec<i128> = shares.iter().map(|(who, _)| w.balance(who)).collect();
    w.escrow.resolve(&map);

    let mut paid = 0i128;
    let (mut protocol_sum, mut platform_sum) = (0i128, 0i128);
    for ((who, share), before) in shares.iter().zip(before) {
        let received = w.balance(who) - before;
        let held = funders
            .iter()
            .position(|f| f == who)
            .map_or(0, |i| contributions[i]);
        let refund = (*share).min(held);
        let protocol = (share - refund) * protocol_bps as i128 / 10_000;
        let platform = (share - refund) * platform_bps as i128 / 10_000;
        prop_assert!(received >= 0 && received <= *share, "nobody is overpaid");
        prop_assert_eq!(received, share - protocol - platform);
        if *share <= held {
            prop_assert_eq!(received, *share, "a refund bears no fee");
        }
        paid += received;
        protocol_sum += protocol;
        platform_sum += platform;
    }
    prop_assert_eq!(w.balance(&w.p.protocol), protocol_sum);
    prop_assert_eq!(w.balance(&w.p.platform), platform_sum);
    prop_assert_eq!(
        paid + protocol_sum + platform_sum,
        total,
        "tokens out == distributed total"
    );
    prop_assert_eq!(w.balance(&w.id()), extra, "the extra stays in the escrow");
    if extra > 0 {
        // More dust lands before the withdrawal: the withdrawal of `extra` still goes through.
        w.sac.mint(&w.id(), &1);
        let (to, before) = (w.p.receiver.clone(), w.balance(&w.p.receiver));
        let (protocol_before, platform_before) =
            (w.balance(&w.p.protocol), w.balance(&w.p.platform));
        w.escrow.withdraw_remaining(&w.shares(&[(&to, extra)]));
        let fees = (w.balance(&w.p.protocol) - protocol_before)
            + (w.balance(&w.p.platform) - platform_before);
        prop_assert_eq!(
            fees,
            extra * protocol_bps as i128 / 10_000 + extra * platform_bps as i128 / 10_000
        );
        prop_assert_eq!(
            w.balance(&to) - before + fees,
            extra,
            "tokens out == withdrawn total"
        );
        prop_assert_eq!(w.balance(&w.id()), 1);
    }
    Ok(())
}
