//! Lifecycle steps that the lifecycle tests and the defect replays both take, so that a
//! scenario's set-up reads the same wherever it appears and is written once.

use super::setup::{text, World, UNIT};
use crate::EscrowKind;

impl World {
    /// Approves every milestone, then releases: the whole escrow (single) or each
    /// milestone in turn (multi), signed by the required release signers.
    pub fn release_all(&self) {
        let count = self.config.milestones.len();
        for index in 0..count {
            self.approve(index);
        }
        match self.config.kind {
            EscrowKind::Single => self.escrow.release(&self.signers()),
            EscrowKind::Multi => {
                for index in 0..count {
                    self.escrow.release_milestone(&index, &self.signers());
                }
            }
        }
    }

    /// Approves milestone `index` and releases it (multi).
    pub fn release_one(&self, index: u32) {
        self.approve(index);
        self.escrow.release_milestone(&index, &self.signers());
    }

    /// Funds the escrow in full, then the first approver disputes it ("late").
    pub fn fund_and_dispute(&self) {
        self.fund_all();
        self.env.mock_all_auths();
        self.escrow
            .dispute(&self.p.approvers[0], &text(&self.env, "late"));
    }

    /// Funds the multi escrow in full; milestone 1 is disputed ("missing files") and
    /// resolved with 2 of its 6 tokens to the receiver (4 stay in the escrow for it).
    pub fn fund_and_resolve_milestone_1_in_part(&self) {
        self.fund_all();
        self.env.mock_all_auths();
        self.escrow
            .dispute_milestone(&1, &self.p.approvers[0], &text(&self.env, "missing files"));
        self.escrow
            .resolve_milestone(&1, &self.shares(&[(&self.p.receiver, 2 * UNIT)]));
    }
}
