//! Every refusal the escrow can return. The codes are stable: the dApp, the API and the
//! docs map them to sentences through `errors.json` (a test keeps the two in step).

use soroban_sdk::contracterror;

#[contracterror]
#[derive(Copy, Clone, Debug, Eq, PartialEq, PartialOrd, Ord)]
#[repr(u32)]
pub enum Error {
    /// The escrow (Single) or the milestone (Multi) has already been released.
    AlreadyReleased = 1,
    /// The escrow (Single) or the milestone (Multi) has already been resolved.
    AlreadyResolved = 2,
    /// A refund has been claimed, so the escrow only pays funders back now.
    Refunding = 3,
    /// The function belongs to the other kind of escrow (Single vs Multi).
    WrongKind = 4,
    /// Approvers: 1 to 5 distinct addresses.
    InvalidApprovers = 5,
    /// approvals_required outside 1..=approvers.
    InvalidApprovalsRequired = 6,
    /// Release signers: 1 to 5 distinct addresses.
    InvalidReleaseSigners = 7,
    /// releases_required outside 1..=release_signers.
    InvalidReleasesRequired = 8,
    /// platform_fee_bps + protocol_fee.bps above 10000.
    InvalidFees = 9,
    /// Single with amount <= 0, or Multi with amount != 0.
    InvalidAmount = 10,
    /// Fewer than 1 or more than 20 milestones.
    InvalidMilestoneCount = 11,
    /// Single milestone with an amount or receiver, or Multi milestone with amount <= 0.
    InvalidMilestoneAmount = 12,
    /// A text is longer than its limit.
    TextTooLong = 13,
    /// The deadline is not in the future.
    InvalidDeadline = 14,
    /// update tried to change platform, token, platform_fee_bps or protocol_fee.
    ImmutableField = 15,
    /// update after funding, approvals or a dispute.
    UpdateNotAllowed = 16,
    /// An amount to fund is not positive.
    InvalidFundAmount = 17,
    /// The escrow is already fully funded (nothing is missing).
    Overfunded = 18,
    /// The deadline has passed.
    DeadlinePassed = 19,
    /// No milestone at that index.
    MilestoneNotFound = 20,
    /// The status is empty.
    EmptyStatus = 21,
    /// The milestone has no status yet.
    StatusNotSet = 22,
    /// The address is not one of the approvers.
    NotApprover = 23,
    /// This approver already approved the milestone.
    AlreadyApproved = 24,
    /// A dispute is open.
    Disputed = 25,
    /// A signer is not one of the release signers.
    NotReleaseSigner = 26,
    /// The same signer is listed twice.
    DuplicateSigner = 27,
    /// Fewer signers than releases_required.
    NotEnoughSigners = 28,
    /// Not every milestone (Single) or not this milestone (Multi) is approved.
    NotApproved = 29,
    /// Single: funded is not the escrow amount yet.
    NotFullyFunded = 30,
    /// The contract holds less than the payout.
    InsufficientBalance = 31,
    /// The address is not a named party to this escrow (a mere funder is not).
    NotAParty = 32,
    /// The dispute resolver may not open a dispute.
    ResolverCannotDispute = 33,
    /// A dispute is already open.
    AlreadyDisputed = 34,
    /// No dispute is open.
    NotDisputed = 35,
    /// The distribution is empty or has more than 20 recipients.
    InvalidRecipientCount = 36,
    /// A share is not positive.
    InvalidShare = 37,
    /// The shares add up to more than may be distributed.
    DistributionMismatch = 38,
    /// The escrow is not finished yet.
    NotFinished = 39,
    /// Nothing is left to distribute.
    NothingToWithdraw = 40,
    /// The escrow has no deadline.
    NoDeadline = 41,
    /// The deadline has not passed yet.
    DeadlineNotReached = 42,
    /// The funder has nothing to refund.
    NothingToRefund = 43,
    /// Funds were released or resolved, so refunds are closed.
    RefundClosed = 44,
    /// An amount overflowed.
    Overflow = 45,
    /// The escrow itself as a payee (a share's recipient, the receiver, the platform, the protocol fee recipient) or as a funder.
    InvalidRecipient = 46,
    /// fund named a terms version other than the escrow's current one (update changed the terms).
    TermsChanged = 47,
}
