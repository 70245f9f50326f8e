/**
 * Every error code the app and the API return, with when it happens: one table, stable codes
 * (a client may branch on them; the message is for people and may change). Contract errors are
 * `escrow.<Name>` from contracts/escrow/errors.json and `token.<Name>` from the Stellar Asset
 * Contract's table (lib/stellar/errors.ts); the network's own result codes (`tx…`, `op…`,
 * `invokeHostFunction…`, `changeTrust…`) pass through under their XDR names.
 */
export const APP_ERROR_CODES = {
  // The request
  'invalid-input': 'A field failed its schema; `fieldErrors` says which and why',
  'bad-request': 'The request is malformed (missing or oversized parts)',
  'bad-escrow-id': 'The escrow id is not a contract address (C…)',
  'bad-milestone': 'There is no such milestone in this escrow',
  'bad-address': 'An address is not a valid StrKey',
  'bad-token': 'The token is not a contract id (C…)',
  'bad-amount': 'The amount is not a decimal amount',
  'bad-xdr': 'A signed transaction or authorisation could not be decoded',
  'rate-limited': 'Too many requests from this client; try again shortly',
  // Who asks
  'no-wallet': 'No wallet is connected, or its address is not an account (G…)',
  'no-account': 'The source account does not exist on the network yet',
  // The escrow and its token
  'not-openescrow': 'The contract is not a released OpenEscrow build for this network',
  'not-found': 'The escrow, or the pending step, does not exist (or has expired)',
  'no-token': 'The token contract does not exist on this network',
  'token-unusable': 'The token’s metadata is out of bounds (decimals, symbol)',
  'not-classic': 'The token is not a classic asset, so it needs no trustline',
  'no-result': 'A contract read returned nothing',
  // The step
  refused: 'The step is not possible now (the contract would refuse it); the message says why',
  'needs-signers': 'The step needs other signers’ authorisations that this wallet does not hold',
  'auth-signing': 'Signing the other signers’ authorisations failed in the wallet',
  'too-many-pending': 'Too many pending multi-signer steps for this escrow or starter',
  'not-a-signer': 'The signature is not one the pending step asks for',
  'already-signed': 'This signer has already signed the pending step',
  'bad-signature': 'The signed authorisation does not verify',
  // Signing and submitting
  rejected: 'The wallet (or the network) refused: the person declined, or the network rejected the transaction',
  wallet: 'The wallet failed',
  unsigned: 'The transaction is not signed',
  'wrong-signer': 'The transaction is signed by another account than its source',
  'network-mismatch': 'The wallet signed for another network',
  'not-prepared': 'The signed transaction is not the one this server prepared',
  timeout: 'The transaction is not final yet; check it later',
  busy: 'The network is busy; try again in a few seconds',
  // The network
  'rpc-unreachable': 'The network’s RPC did not answer',
  simulation: 'The network refused the call in simulation (no contract error code)',
  auth: 'A required signature is missing or does not match the role',
  'missing-entry': 'Something the call needs does not exist on-chain',
  archived: 'Part of the contract’s state is archived and must be restored first',
  budget: 'The call exceeds the network’s resource limits',
  // Configuration and dev helpers
  'not-deployed': 'The escrow contract is not uploaded to this network',
  'not-configured': 'The server lacks a setting (e.g. the protocol fee recipient)',
  'no-friendbot': 'This network has no friendbot',
  'friendbot-unreachable': 'Friendbot did not answer',
  'friendbot-failed': 'Friendbot refused',
  'already-funded': 'Friendbot: the account already exists',
  'no-faucet': 'Test tokens come from the local network’s faucet only',
  'faucet-unreachable': 'The faucet did not answer',
  'faucet-failed': 'The faucet refused',
  // The platform API (lib/api)
  unauthorized: 'No API key or session, or an unknown or revoked one',
  'missing-scope': 'The API key lacks the scope this endpoint needs',
  'foreign-origin': 'A state-changing settings request came from another origin',
  'sign-in-refused': 'The signed sign-in challenge did not verify, expired or was used already',
  'too-many-keys': 'The account holds the most API keys allowed; revoke one first',
  'too-many-webhooks': 'The API key holds the most webhook subscriptions allowed; delete one first',
  'idempotency-conflict': 'The Idempotency-Key was used with another request',
  'idempotency-in-progress': 'A request with this Idempotency-Key is still running',
  'payload-too-large': 'The request body is too large',
  'bad-json': 'The request body is not JSON',
  unexpected: 'A failure the server did not expect; the server log has the details',
} as const;

export type AppErrorCode = keyof typeof APP_ERROR_CODES;

/** A contract's own refusal: `escrow.<Name>` (contracts/escrow/errors.json) or `token.<Name>`. */
export type ContractErrorCode = `escrow.${string}` | `token.${string}`;

/**
 * The network's result codes, under their XDR names: transaction results (`txBadSeq`), operation
 * outcomes (`opNoAccount`) and the results of the operations this app sends.
 */
export type NetworkResultCode =
  | `tx${string}`
  | `op${string}`
  | `invokeHostFunction${string}`
  | `changeTrust${string}`
  | `payment${string}`
  | `createAccount${string}`;

/** Every code an AppError may carry. */
export type ErrorCode = AppErrorCode | ContractErrorCode | NetworkResultCode;
