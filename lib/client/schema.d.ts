// Generated from the OpenAPI document by `npm run api:client` (openapi-typescript); do not edit.
export interface paths {
  '/escrows': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An address’s escrows (every role), filtered, one keyset page at a time (scope: read) */
    get: operations['listEscrows'];
    put?: never;
    /**
     * Create an escrow (scope: prepare)
     * @description Answers the unsigned deployment of a new escrow and its id; the platform authorises it (when `source` is not the platform, its authorisation entry is needed too). Sign it and POST /transactions.
     */
    post: operations['createEscrow'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/escrows/{id}/fund': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Fund (scope: prepare)
     * @description Calls the contract’s `fund` (who: anyone; escrow kinds: Single, Multi) and answers the unsigned transaction for `source` to sign, then POST /transactions.
     */
    post: operations['fund'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/escrows/{id}/milestones/{index}/status': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Mark milestone (scope: prepare)
     * @description Calls the contract’s `set_milestone_status` (who: the service provider; escrow kinds: Single, Multi) and answers the unsigned transaction for `source` to sign, then POST /transactions.
     */
    post: operations['status'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/escrows/{id}/milestones/{index}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Approve milestone (scope: prepare)
     * @description Calls the contract’s `approve_milestone` (who: an approver; escrow kinds: Single, Multi) and answers the unsigned transaction for `source` to sign, then POST /transactions.
     */
    post: operations['approve'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/escrows/{id}/milestones/{index}/release': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Release milestone (scope: prepare)
     * @description Calls the contract’s `release_milestone` (who: a release signer; escrow kinds: Multi) and answers the unsigned transaction for `source` to sign, then POST /transactions.
     */
    post: operations['release-milestone'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/escrows/{id}/milestones/{index}/dispute': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Dispute milestone (scope: prepare)
     * @description Calls the contract’s `dispute_milestone` (who: a named party (any role or milestone receiver, not the dispute resolver); escrow kinds: Multi) and answers the unsigned transaction for `source` to sign, then POST /transactions.
     */
    post: operations['dispute-milestone'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/escrows/{id}/milestones/{index}/resolve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Resolve milestone dispute (scope: prepare)
     * @description Calls the contract’s `resolve_milestone` (who: the dispute resolver; escrow kinds: Multi) and answers the unsigned transaction for `source` to sign, then POST /transactions.
     */
    post: operations['resolve-milestone'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/escrows/{id}/release': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Release funds (scope: prepare)
     * @description Calls the contract’s `release` (who: a release signer; escrow kinds: Single) and answers the unsigned transaction for `source` to sign, then POST /transactions.
     */
    post: operations['release'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/escrows/{id}/dispute': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Raise a dispute (scope: prepare)
     * @description Calls the contract’s `dispute` (who: a named party (any role or milestone receiver, not the dispute resolver); escrow kinds: Single) and answers the unsigned transaction for `source` to sign, then POST /transactions.
     */
    post: operations['dispute'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/escrows/{id}/resolve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Resolve dispute (scope: prepare)
     * @description Calls the contract’s `resolve` (who: the dispute resolver; escrow kinds: Single) and answers the unsigned transaction for `source` to sign, then POST /transactions.
     */
    post: operations['resolve'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/escrows/{id}/withdraw': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Withdraw remaining funds (scope: prepare)
     * @description Calls the contract’s `withdraw_remaining` (who: the dispute resolver; escrow kinds: Single, Multi) and answers the unsigned transaction for `source` to sign, then POST /transactions.
     */
    post: operations['withdraw'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/escrows/{id}/refund': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Claim refund (scope: prepare)
     * @description Calls the contract’s `claim_refund` (who: anyone; escrow kinds: Single, Multi) and answers the unsigned transaction for `source` to sign, then POST /transactions.
     */
    post: operations['refund'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/escrows/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One escrow: its live chain state and the read model’s extras (scope: read) */
    get: operations['getEscrow'];
    /**
     * Edit escrow (scope: prepare)
     * @description Calls the contract’s `update` (who: the platform; escrow kinds: Single, Multi) and answers the unsigned transaction for `source` to sign, then POST /transactions.
     */
    put: operations['edit'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/escrows/{id}/pending-releases': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Start a release whose signers sign from their own keys (scope: prepare): answers each signer’s unsigned authorisation entry */
    post: operations['startPendingRelease'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/escrows/{id}/milestones/{index}/pending-releases': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Start a milestone’s release whose signers sign from their own keys (scope: prepare): answers each signer’s unsigned authorisation entry */
    post: operations['startPendingMilestoneRelease'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/pending/{pendingId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A pending release: its entries, who has signed, when it ends (scope: read) */
    get: operations['getPendingRelease'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/pending/{pendingId}/signatures': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Add one signer’s signed authorisation entry (scope: prepare): verified before it is stored; a signed slot is never replaced */
    post: operations['addPendingSignature'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/pending/{pendingId}/submit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Once every signer has signed: the transaction carrying all entries, to sign and POST to /transactions (scope: prepare) */
    post: operations['preparePendingSubmit'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/escrows/{id}/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An escrow’s events, oldest first (scope: read) */
    get: operations['listEscrowEvents'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/tokens': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The network’s known tokens (scope: read) */
    get: operations['listTokens'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/transactions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Submit a transaction prepared here, signed; waits until it is final (scope: submit) */
    post: operations['submitTransaction'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/balances': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Live balances of several escrows (scope: read)
     * @description Reads each escrow’s token balance from the chain. An unknown id or a look-alike contract gets its own `error` entry; the others still answer.
     */
    get: operations['getBalances'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/webhooks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** This key’s webhook subscriptions (scope: webhooks) */
    get: operations['listWebhooks'];
    put?: never;
    /** Subscribe a URL to escrow events: of every escrow where the key’s owner holds a role, or of the listed ones (scope: webhooks). The answer carries the signing secret, once. */
    post: operations['createWebhook'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/webhooks/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Delete a subscription and its delivery log (scope: webhooks) */
    delete: operations['deleteWebhook'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/webhooks/{id}/deliveries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A subscription’s delivery log, newest first: each delivery’s status, next try and its last attempts (when, status code or error, latency) (scope: webhooks) */
    get: operations['listWebhookDeliveries'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/webhooks/{id}/deliveries/{delivery}/resend': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Send a delivery again now, with the same webhook-id (scope: webhooks) */
    post: operations['resendWebhookDelivery'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export interface webhooks {
  'escrow.created': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sent when a contract emits `created` for an escrow you subscribed to */
    post: operations['webhook_escrow_created'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  'escrow.funded': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sent when a contract emits `funded` for an escrow you subscribed to */
    post: operations['webhook_escrow_funded'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  'escrow.status': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sent when a contract emits `status` for an escrow you subscribed to */
    post: operations['webhook_escrow_status'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  'escrow.approved': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sent when a contract emits `approved` for an escrow you subscribed to */
    post: operations['webhook_escrow_approved'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  'escrow.released': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sent when a contract emits `released` for an escrow you subscribed to */
    post: operations['webhook_escrow_released'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  'escrow.disputed': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sent when a contract emits `disputed` for an escrow you subscribed to */
    post: operations['webhook_escrow_disputed'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  'escrow.resolved': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sent when a contract emits `resolved` for an escrow you subscribed to */
    post: operations['webhook_escrow_resolved'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  'escrow.withdrawn': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sent when a contract emits `withdrawn` for an escrow you subscribed to */
    post: operations['webhook_escrow_withdrawn'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  'escrow.refunded': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sent when a contract emits `refunded` for an escrow you subscribed to */
    post: operations['webhook_escrow_refunded'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  'escrow.updated': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sent when a contract emits `updated` for an escrow you subscribed to */
    post: operations['webhook_escrow_updated'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export interface components {
  schemas: {
    Problem: {
      type: string;
      title: string;
      status: number;
      /** @description Stable error code from the app’s error table */
      code: string;
      detail: string;
      fieldErrors?: {
        [key: string]: string[];
      };
    };
    Prepared: {
      /** @description The unsigned transaction, base64 XDR: sign it with the source’s key */
      xdr: string;
      /** @description Send it back with the signed XDR to POST /transactions */
      ticket: string;
      hash: string;
      /** @description What the transaction will do, in sentences */
      summary: string[];
      /** @description The most the source pays, in XLM */
      fee: string;
      fee_stroops: string;
      /** @description Who else must sign an authorisation entry (a pending step) */
      other_signers: string[];
      auth_valid_until_ledger: number;
      network_passphrase: string;
    };
    WebhookPayload: {
      /** @enum {string} */
      type:
        | 'escrow.created'
        | 'escrow.funded'
        | 'escrow.status'
        | 'escrow.approved'
        | 'escrow.released'
        | 'escrow.disputed'
        | 'escrow.resolved'
        | 'escrow.withdrawn'
        | 'escrow.refunded'
        | 'escrow.updated';
      /** @description When the ledger with the event closed (ISO 8601) */
      timestamp: string;
      data: {
        /** @description The RPC’s event id; also the `webhook-id` header, for de-duplication */
        event_id: string;
        network: string;
        /** @description The escrow’s contract id (C…) */
        escrow_id: string;
        tx_hash: string;
        ledger: number;
        /** @description The contract event’s action (the type without `escrow.`) */
        action: string;
        /** @description The decoded event data as the timeline stores it: a positional list, amounts as decimal strings */
        event: unknown;
      };
    };
  };
  responses: {
    /** @description Bad input: the request does not match the schema (`fieldErrors` says which field). Codes: `bad-request`, `invalid-input`, `bad-escrow-id`, `bad-address`, `bad-amount`, `bad-token`, `bad-milestone`, `bad-xdr`, `bad-json`, `no-wallet` */
    Problem400: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/problem+json': components['schemas']['Problem'];
      };
    };
    /** @description No API key, or an unknown or revoked one. Codes: `unauthorized`, `sign-in-refused` */
    Problem401: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/problem+json': components['schemas']['Problem'];
      };
    };
    /** @description The key lacks this endpoint’s scope. Codes: `missing-scope`, `foreign-origin` */
    Problem403: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/problem+json': components['schemas']['Problem'];
      };
    };
    /** @description No such escrow, or a contract that is not a released OpenEscrow build (a look-alike). Codes: `not-found`, `not-openescrow` */
    Problem404: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/problem+json': components['schemas']['Problem'];
      };
    };
    /** @description A conflict with the current state. Codes: `too-many-keys`, `too-many-webhooks`, `idempotency-in-progress` */
    Problem409: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/problem+json': components['schemas']['Problem'];
      };
    };
    /** @description The request body is larger than 256 KiB. Codes: `payload-too-large` */
    Problem413: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/problem+json': components['schemas']['Problem'];
      };
    };
    /** @description A valid request the escrow, the network or the server refuses now. Codes: `no-account`, `no-token`, `token-unusable`, `not-classic`, `no-result`, `refused`, `needs-signers`, `auth-signing`, `too-many-pending`, `not-a-signer`, `already-signed`, `bad-signature`, `rejected`, `wallet`, `unsigned`, `wrong-signer`, `network-mismatch`, `not-prepared`, `simulation`, `auth`, `missing-entry`, `archived`, `budget`, `not-deployed`, `not-configured`, `no-friendbot`, `friendbot-unreachable`, `friendbot-failed`, `already-funded`, `no-faucet`, `faucet-unreachable`, `faucet-failed`, `idempotency-conflict`, `escrow.*`, `token.*` */
    Problem422: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/problem+json': components['schemas']['Problem'];
      };
    };
    /** @description Over the key’s rate limit: see `Retry-After` and `RateLimit`. Codes: `rate-limited` */
    Problem429: {
      headers: {
        /** @description Seconds until the key may ask again */
        'Retry-After'?: number;
        [name: string]: unknown;
      };
      content: {
        'application/problem+json': components['schemas']['Problem'];
      };
    };
    /** @description The server failed; the operator’s log has the details. Codes: `unexpected` */
    Problem500: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/problem+json': components['schemas']['Problem'];
      };
    };
    /** @description The network’s RPC did not answer. Codes: `rpc-unreachable` */
    Problem502: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/problem+json': components['schemas']['Problem'];
      };
    };
    /** @description The network is busy. Codes: `busy` */
    Problem503: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/problem+json': components['schemas']['Problem'];
      };
    };
    /** @description The transaction is not final yet; check it later. Codes: `timeout` */
    Problem504: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/problem+json': components['schemas']['Problem'];
      };
    };
  };
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  listEscrows: {
    parameters: {
      query: {
        address: string;
        role?: string;
        status?: string;
        kind?: string;
        token?: string;
        created_after?: string;
        created_before?: string;
        q?: string;
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              /** @description A contract id (C…, 56 characters) */
              id: string;
              /** @enum {string} */
              kind: 'single' | 'multi';
              title: string;
              engagement_id: string;
              /** @description A contract id (C…, 56 characters) */
              token: string;
              /** @enum {string} */
              status: 'funding' | 'in_progress' | 'disputed' | 'released' | 'resolved' | 'refunding';
              /** @description An amount in the token’s base units (decimal string) */
              amount: string;
              /** @description An amount in the token’s base units (decimal string) */
              funded: string;
              /** @description An amount in the token’s base units (decimal string) */
              balance: string;
              /** @description An amount in the token’s base units (decimal string) */
              released: string;
              /** @description An amount in the token’s base units (decimal string) */
              fees_paid: string;
              /** @description An amount in the token’s base units (decimal string) */
              in_dispute: string;
              created_ledger: number;
              created_at: string;
              roles: (
                | 'approver'
                | 'service_provider'
                | 'release_signer'
                | 'dispute_resolver'
                | 'platform'
                | 'receiver'
                | 'milestone_receiver'
                | 'funder'
              )[];
            }[];
            next_cursor: string | null;
          };
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      429: components['responses']['Problem429'];
      500: components['responses']['Problem500'];
    };
  };
  createEscrow: {
    parameters: {
      query?: never;
      header?: {
        /** @description Replays the stored response of the same request for 24 hours */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description The account (G…) that signs and pays */
          source: string;
          input: {
            /** @enum {string} */
            kind: 'Single' | 'Multi';
            title: string;
            engagementId: string;
            description: string;
            token: string;
            amount: string;
            milestones: {
              description: string;
              amount: string;
              receiver: string;
            }[];
            approvers: {
              /** @description A Stellar address: an account (G…) or a contract (C…) */
              address: string;
            }[];
            approvalsRequired: number;
            /** @description A Stellar address: an account (G…) or a contract (C…) */
            serviceProvider: string;
            releaseSigners: {
              /** @description A Stellar address: an account (G…) or a contract (C…) */
              address: string;
            }[];
            releasesRequired: number;
            /** @description A Stellar address: an account (G…) or a contract (C…) */
            disputeResolver: string;
            /** @description A Stellar address: an account (G…) or a contract (C…) */
            platform: string;
            /** @description A Stellar address: an account (G…) or a contract (C…) */
            receiver: string;
            /** @description A percentage, 0 to 100, at most two decimals */
            platformFeePercent: string;
            deadline: string;
          };
        };
      };
    };
    responses: {
      /** @description The deployment to sign, with the new escrow’s id */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description The unsigned transaction, base64 XDR: sign it with the source’s key */
            xdr: string;
            /** @description Send it back with the signed XDR to POST /transactions */
            ticket: string;
            hash: string;
            /** @description What the transaction will do, in sentences */
            summary: string[];
            /** @description The most the source pays, in XLM */
            fee: string;
            fee_stroops: string;
            /** @description Who else must sign an authorisation entry (a pending step) */
            other_signers: string[];
            auth_valid_until_ledger: number;
            network_passphrase: string;
            /** @description The new escrow’s id */
            escrow_id: string;
          };
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      422: components['responses']['Problem422'];
      429: components['responses']['Problem429'];
      500: components['responses']['Problem500'];
      502: components['responses']['Problem502'];
      503: components['responses']['Problem503'];
    };
  };
  fund: {
    parameters: {
      query?: never;
      header?: {
        /** @description Replays the stored response of the same request for 24 hours */
        'Idempotency-Key'?: string;
      };
      path: {
        /** @description The escrow’s contract id (C…) */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description The account (G…) that signs and pays: usually the acting role */
          source: string;
          input: {
            /** @description Amount: a decimal amount in the token’s units, more than 0, with at most as many digits after the point as the token has decimals */
            amount: string;
            termsVersion: number;
          };
        };
      };
    };
    responses: {
      /** @description The transaction to sign */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Prepared'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      422: components['responses']['Problem422'];
      429: components['responses']['Problem429'];
      500: components['responses']['Problem500'];
      502: components['responses']['Problem502'];
      503: components['responses']['Problem503'];
    };
  };
  status: {
    parameters: {
      query?: never;
      header?: {
        /** @description Replays the stored response of the same request for 24 hours */
        'Idempotency-Key'?: string;
      };
      path: {
        /** @description The escrow’s contract id (C…) */
        id: string;
        /** @description The milestone, from 0 */
        index: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description The account (G…) that signs and pays: usually the acting role */
          source: string;
          input: {
            status: string;
            evidence: string;
          };
        };
      };
    };
    responses: {
      /** @description The transaction to sign */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Prepared'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      422: components['responses']['Problem422'];
      429: components['responses']['Problem429'];
      500: components['responses']['Problem500'];
      502: components['responses']['Problem502'];
      503: components['responses']['Problem503'];
    };
  };
  approve: {
    parameters: {
      query?: never;
      header?: {
        /** @description Replays the stored response of the same request for 24 hours */
        'Idempotency-Key'?: string;
      };
      path: {
        /** @description The escrow’s contract id (C…) */
        id: string;
        /** @description The milestone, from 0 */
        index: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description The account (G…) that signs and pays: usually the acting role */
          source: string;
          input?: Record<string, never>;
        };
      };
    };
    responses: {
      /** @description The transaction to sign */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Prepared'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      422: components['responses']['Problem422'];
      429: components['responses']['Problem429'];
      500: components['responses']['Problem500'];
      502: components['responses']['Problem502'];
      503: components['responses']['Problem503'];
    };
  };
  'release-milestone': {
    parameters: {
      query?: never;
      header?: {
        /** @description Replays the stored response of the same request for 24 hours */
        'Idempotency-Key'?: string;
      };
      path: {
        /** @description The escrow’s contract id (C…) */
        id: string;
        /** @description The milestone, from 0 */
        index: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description The account (G…) that signs and pays: usually the acting role */
          source: string;
          input: {
            signers: string[];
          };
        };
      };
    };
    responses: {
      /** @description The transaction to sign */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Prepared'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      422: components['responses']['Problem422'];
      429: components['responses']['Problem429'];
      500: components['responses']['Problem500'];
      502: components['responses']['Problem502'];
      503: components['responses']['Problem503'];
    };
  };
  'dispute-milestone': {
    parameters: {
      query?: never;
      header?: {
        /** @description Replays the stored response of the same request for 24 hours */
        'Idempotency-Key'?: string;
      };
      path: {
        /** @description The escrow’s contract id (C…) */
        id: string;
        /** @description The milestone, from 0 */
        index: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description The account (G…) that signs and pays: usually the acting role */
          source: string;
          input: {
            reason: string;
          };
        };
      };
    };
    responses: {
      /** @description The transaction to sign */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Prepared'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      422: components['responses']['Problem422'];
      429: components['responses']['Problem429'];
      500: components['responses']['Problem500'];
      502: components['responses']['Problem502'];
      503: components['responses']['Problem503'];
    };
  };
  'resolve-milestone': {
    parameters: {
      query?: never;
      header?: {
        /** @description Replays the stored response of the same request for 24 hours */
        'Idempotency-Key'?: string;
      };
      path: {
        /** @description The escrow’s contract id (C…) */
        id: string;
        /** @description The milestone, from 0 */
        index: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description The account (G…) that signs and pays: usually the acting role */
          source: string;
          input: {
            distributions: {
              /** @description A Stellar address: an account (G…) or a contract (C…) */
              recipient: string;
              /** @description Share: a decimal amount in the token’s units, more than 0, with at most as many digits after the point as the token has decimals */
              amount: string;
            }[];
          };
        };
      };
    };
    responses: {
      /** @description The transaction to sign */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Prepared'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      422: components['responses']['Problem422'];
      429: components['responses']['Problem429'];
      500: components['responses']['Problem500'];
      502: components['responses']['Problem502'];
      503: components['responses']['Problem503'];
    };
  };
  release: {
    parameters: {
      query?: never;
      header?: {
        /** @description Replays the stored response of the same request for 24 hours */
        'Idempotency-Key'?: string;
      };
      path: {
        /** @description The escrow’s contract id (C…) */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description The account (G…) that signs and pays: usually the acting role */
          source: string;
          input: {
            signers: string[];
          };
        };
      };
    };
    responses: {
      /** @description The transaction to sign */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Prepared'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      422: components['responses']['Problem422'];
      429: components['responses']['Problem429'];
      500: components['responses']['Problem500'];
      502: components['responses']['Problem502'];
      503: components['responses']['Problem503'];
    };
  };
  dispute: {
    parameters: {
      query?: never;
      header?: {
        /** @description Replays the stored response of the same request for 24 hours */
        'Idempotency-Key'?: string;
      };
      path: {
        /** @description The escrow’s contract id (C…) */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description The account (G…) that signs and pays: usually the acting role */
          source: string;
          input: {
            reason: string;
          };
        };
      };
    };
    responses: {
      /** @description The transaction to sign */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Prepared'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      422: components['responses']['Problem422'];
      429: components['responses']['Problem429'];
      500: components['responses']['Problem500'];
      502: components['responses']['Problem502'];
      503: components['responses']['Problem503'];
    };
  };
  resolve: {
    parameters: {
      query?: never;
      header?: {
        /** @description Replays the stored response of the same request for 24 hours */
        'Idempotency-Key'?: string;
      };
      path: {
        /** @description The escrow’s contract id (C…) */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description The account (G…) that signs and pays: usually the acting role */
          source: string;
          input: {
            distributions: {
              /** @description A Stellar address: an account (G…) or a contract (C…) */
              recipient: string;
              /** @description Share: a decimal amount in the token’s units, more than 0, with at most as many digits after the point as the token has decimals */
              amount: string;
            }[];
          };
        };
      };
    };
    responses: {
      /** @description The transaction to sign */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Prepared'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      422: components['responses']['Problem422'];
      429: components['responses']['Problem429'];
      500: components['responses']['Problem500'];
      502: components['responses']['Problem502'];
      503: components['responses']['Problem503'];
    };
  };
  withdraw: {
    parameters: {
      query?: never;
      header?: {
        /** @description Replays the stored response of the same request for 24 hours */
        'Idempotency-Key'?: string;
      };
      path: {
        /** @description The escrow’s contract id (C…) */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description The account (G…) that signs and pays: usually the acting role */
          source: string;
          input: {
            distributions: {
              /** @description A Stellar address: an account (G…) or a contract (C…) */
              recipient: string;
              /** @description Share: a decimal amount in the token’s units, more than 0, with at most as many digits after the point as the token has decimals */
              amount: string;
            }[];
          };
        };
      };
    };
    responses: {
      /** @description The transaction to sign */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Prepared'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      422: components['responses']['Problem422'];
      429: components['responses']['Problem429'];
      500: components['responses']['Problem500'];
      502: components['responses']['Problem502'];
      503: components['responses']['Problem503'];
    };
  };
  refund: {
    parameters: {
      query?: never;
      header?: {
        /** @description Replays the stored response of the same request for 24 hours */
        'Idempotency-Key'?: string;
      };
      path: {
        /** @description The escrow’s contract id (C…) */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description The account (G…) that signs and pays: usually the acting role */
          source: string;
          input?: Record<string, never>;
        };
      };
    };
    responses: {
      /** @description The transaction to sign */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Prepared'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      422: components['responses']['Problem422'];
      429: components['responses']['Problem429'];
      500: components['responses']['Problem500'];
      502: components['responses']['Problem502'];
      503: components['responses']['Problem503'];
    };
  };
  getEscrow: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The escrow’s contract id (C…) */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The escrow */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description A contract id (C…, 56 characters) */
            id: string;
            state: {
              config: {
                /**
                 * @description The contract’s own spelling (the read model’s is lower-case)
                 * @enum {string}
                 */
                kind: 'Single' | 'Multi';
                engagementId: string;
                title: string;
                description: string;
                /** @description A contract id (C…, 56 characters) */
                token: string;
                roles: {
                  approvers: string[];
                  approvalsRequired: number;
                  /** @description A Stellar address (G… or C…) */
                  serviceProvider: string;
                  releaseSigners: string[];
                  releasesRequired: number;
                  /** @description A Stellar address (G… or C…) */
                  disputeResolver: string;
                  /** @description A Stellar address (G… or C…) */
                  platform: string;
                  /** @description A Stellar address (G… or C…) */
                  receiver: string;
                };
                platformFeeBps: number;
                protocolFee: {
                  /** @description A Stellar address (G… or C…) */
                  recipient: string;
                  bps: number;
                };
                /** @description An amount in the token’s base units (decimal string) */
                amount: string;
                milestones: {
                  description: string;
                  /** @description An amount in the token’s base units (decimal string) */
                  amount: string;
                  receiver: string | null;
                }[];
                /** @description Unix seconds; after it funders may claim refunds */
                deadline: string | null;
              };
              milestones: {
                status: string;
                evidence: string;
                approvals: string[];
                approved: boolean;
                disputed: boolean;
                disputeReason: string;
                released: boolean;
                resolved: boolean;
              }[];
              disputed: boolean;
              disputeReason: string;
              released: boolean;
              resolved: boolean;
              /** @description An amount in the token’s base units (decimal string) */
              funded: string;
              /** @description An amount in the token’s base units (decimal string) */
              paidOut: string;
              /** @description An amount in the token’s base units (decimal string) */
              refunded: string;
              refunding: boolean;
              /** @description An amount in the token’s base units (decimal string) */
              balance: string;
              termsVersion: number;
            };
            /** @description What the read model adds; null until the indexer has seen the escrow */
            indexed: {
              /** @enum {string} */
              status: 'funding' | 'in_progress' | 'disputed' | 'released' | 'resolved' | 'refunding';
              created_ledger: number;
              created_at: string;
            } | null;
          };
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      429: components['responses']['Problem429'];
      500: components['responses']['Problem500'];
      502: components['responses']['Problem502'];
    };
  };
  edit: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The escrow’s contract id (C…) */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description The account (G…) that signs and pays: usually the acting role */
          source: string;
          input: {
            /** @enum {string} */
            kind: 'Single' | 'Multi';
            title: string;
            engagementId: string;
            description: string;
            token: string;
            amount: string;
            milestones: {
              description: string;
              amount: string;
              receiver: string;
            }[];
            approvers: {
              /** @description A Stellar address: an account (G…) or a contract (C…) */
              address: string;
            }[];
            approvalsRequired: number;
            /** @description A Stellar address: an account (G…) or a contract (C…) */
            serviceProvider: string;
            releaseSigners: {
              /** @description A Stellar address: an account (G…) or a contract (C…) */
              address: string;
            }[];
            releasesRequired: number;
            /** @description A Stellar address: an account (G…) or a contract (C…) */
            disputeResolver: string;
            /** @description A Stellar address: an account (G…) or a contract (C…) */
            platform: string;
            /** @description A Stellar address: an account (G…) or a contract (C…) */
            receiver: string;
            /** @description A percentage, 0 to 100, at most two decimals */
            platformFeePercent: string;
            deadline: string;
          };
        };
      };
    };
    responses: {
      /** @description The transaction to sign */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Prepared'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      422: components['responses']['Problem422'];
      429: components['responses']['Problem429'];
      500: components['responses']['Problem500'];
      502: components['responses']['Problem502'];
      503: components['responses']['Problem503'];
    };
  };
  startPendingRelease: {
    parameters: {
      query?: never;
      header?: {
        /** @description Replays the stored response of the same request for 24 hours */
        'Idempotency-Key'?: string;
      };
      path: {
        /** @description The escrow’s contract id (C…) */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description The release signer (G…) who starts it: one of `input.signers` */
          source: string;
          /** @description The release’s fields, as its form sends them (`{ signers: [G…, …] }`) */
          input: unknown;
        };
      };
    };
    responses: {
      /** @description The pending release */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            escrow_id: string;
            starter: string;
            network_passphrase: string;
            /** @description The contract call (HostFunction), base64 XDR */
            func: string;
            entries: {
              address: string;
              /** @description The unsigned authorisation entry this address signs, base64 XDR */
              entry: string;
              /** @description The signed entry once it is in (verified), else null */
              signed: string | null;
            }[];
            /** @description Every signer has signed: POST …/submit */
            complete: boolean;
            /** @description Signatures must expire by this ledger; the step ends with it */
            valid_until_ledger: number;
            summary: string[];
            created_at: string;
          };
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      422: components['responses']['Problem422'];
      429: components['responses']['Problem429'];
      500: components['responses']['Problem500'];
      502: components['responses']['Problem502'];
      503: components['responses']['Problem503'];
    };
  };
  startPendingMilestoneRelease: {
    parameters: {
      query?: never;
      header?: {
        /** @description Replays the stored response of the same request for 24 hours */
        'Idempotency-Key'?: string;
      };
      path: {
        /** @description The escrow’s contract id (C…) */
        id: string;
        /** @description The milestone, from 0 */
        index: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description The release signer (G…) who starts it: one of `input.signers` */
          source: string;
          /** @description The release’s fields, as its form sends them (`{ signers: [G…, …] }`) */
          input: unknown;
        };
      };
    };
    responses: {
      /** @description The pending release */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            escrow_id: string;
            starter: string;
            network_passphrase: string;
            /** @description The contract call (HostFunction), base64 XDR */
            func: string;
            entries: {
              address: string;
              /** @description The unsigned authorisation entry this address signs, base64 XDR */
              entry: string;
              /** @description The signed entry once it is in (verified), else null */
              signed: string | null;
            }[];
            /** @description Every signer has signed: POST …/submit */
            complete: boolean;
            /** @description Signatures must expire by this ledger; the step ends with it */
            valid_until_ledger: number;
            summary: string[];
            created_at: string;
          };
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      422: components['responses']['Problem422'];
      429: components['responses']['Problem429'];
      500: components['responses']['Problem500'];
      502: components['responses']['Problem502'];
      503: components['responses']['Problem503'];
    };
  };
  getPendingRelease: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The pending release’s id (24 hex characters) */
        pendingId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The pending release */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            escrow_id: string;
            starter: string;
            network_passphrase: string;
            /** @description The contract call (HostFunction), base64 XDR */
            func: string;
            entries: {
              address: string;
              /** @description The unsigned authorisation entry this address signs, base64 XDR */
              entry: string;
              /** @description The signed entry once it is in (verified), else null */
              signed: string | null;
            }[];
            /** @description Every signer has signed: POST …/submit */
            complete: boolean;
            /** @description Signatures must expire by this ledger; the step ends with it */
            valid_until_ledger: number;
            summary: string[];
            created_at: string;
          };
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      429: components['responses']['Problem429'];
      500: components['responses']['Problem500'];
    };
  };
  addPendingSignature: {
    parameters: {
      query?: never;
      header?: {
        /** @description Replays the stored response of the same request for 24 hours */
        'Idempotency-Key'?: string;
      };
      path: {
        /** @description The pending release’s id (24 hex characters) */
        pendingId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description One signer’s authorisation entry from `entries`, signed by that account (base64 XDR) */
          signed: string;
        };
      };
    };
    responses: {
      /** @description The pending release */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            escrow_id: string;
            starter: string;
            network_passphrase: string;
            /** @description The contract call (HostFunction), base64 XDR */
            func: string;
            entries: {
              address: string;
              /** @description The unsigned authorisation entry this address signs, base64 XDR */
              entry: string;
              /** @description The signed entry once it is in (verified), else null */
              signed: string | null;
            }[];
            /** @description Every signer has signed: POST …/submit */
            complete: boolean;
            /** @description Signatures must expire by this ledger; the step ends with it */
            valid_until_ledger: number;
            summary: string[];
            created_at: string;
          };
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      422: components['responses']['Problem422'];
      429: components['responses']['Problem429'];
      500: components['responses']['Problem500'];
      502: components['responses']['Problem502'];
      503: components['responses']['Problem503'];
    };
  };
  preparePendingSubmit: {
    parameters: {
      query?: never;
      header?: {
        /** @description Replays the stored response of the same request for 24 hours */
        'Idempotency-Key'?: string;
      };
      path: {
        /** @description The pending release’s id (24 hex characters) */
        pendingId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description The account (G…) that signs and pays for the submit: anyone */
          source: string;
        };
      };
    };
    responses: {
      /** @description The transaction to sign */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Prepared'];
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      422: components['responses']['Problem422'];
      429: components['responses']['Problem429'];
      500: components['responses']['Problem500'];
      502: components['responses']['Problem502'];
      503: components['responses']['Problem503'];
    };
  };
  listEscrowEvents: {
    parameters: {
      query?: {
        /** @description The `next_cursor` of the previous page */
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path: {
        /** @description The escrow’s contract id (C…) */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page of events */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              id: string;
              tx_hash: string;
              ledger: number;
              closed_at: string;
              action: string;
              data: unknown;
            }[];
            next_cursor: string | null;
          };
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      429: components['responses']['Problem429'];
      500: components['responses']['Problem500'];
    };
  };
  listTokens: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The tokens */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              /** @description A contract id (C…, 56 characters) */
              id: string;
              code: string;
              issuer: string | null;
              decimals: number;
            }[];
          };
        };
      };
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      429: components['responses']['Problem429'];
      500: components['responses']['Problem500'];
    };
  };
  submitTransaction: {
    parameters: {
      query?: never;
      header?: {
        /** @description Replays the stored response of the same request for 24 hours */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          signed_xdr: string;
          ticket: string;
        };
      };
    };
    responses: {
      /** @description The outcome */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            hash: string;
            ledger: number;
            /** @description The call’s return value, base64 ScVal XDR */
            return_value: string | null;
            /** @description The new escrow’s id, for a create */
            escrow_id: string | null;
          };
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      422: components['responses']['Problem422'];
      429: components['responses']['Problem429'];
      500: components['responses']['Problem500'];
      502: components['responses']['Problem502'];
      503: components['responses']['Problem503'];
      504: components['responses']['Problem504'];
    };
  };
  getBalances: {
    parameters: {
      query: {
        ids: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One entry per distinct id */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: (
              | {
                  /** @description A contract id (C…, 56 characters) */
                  id: string;
                  /** @description A contract id (C…, 56 characters) */
                  token: string;
                  /** @description What the escrow’s contract holds now, base units */
                  balance: string;
                  decimals: number;
                }
              | {
                  id: string;
                  /** @description Why this id has no balance (look-alike, unknown) */
                  error: {
                    code: string;
                    message: string;
                  };
                }
            )[];
          };
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      429: components['responses']['Problem429'];
      500: components['responses']['Problem500'];
      502: components['responses']['Problem502'];
    };
  };
  listWebhooks: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The subscriptions */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              id: string;
              /** @description The API key the subscription belongs to */
              key_id: string;
              url: string;
              event_types: (
                | 'escrow.created'
                | 'escrow.funded'
                | 'escrow.status'
                | 'escrow.approved'
                | 'escrow.released'
                | 'escrow.disputed'
                | 'escrow.resolved'
                | 'escrow.withdrawn'
                | 'escrow.refunded'
                | 'escrow.updated'
              )[];
              /** @description Only these escrows; null for every escrow of the key’s owner */
              escrow_ids: string[] | null;
              /** @description ISO 8601 */
              created_at: string;
            }[];
          };
        };
      };
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      429: components['responses']['Problem429'];
      500: components['responses']['Problem500'];
    };
  };
  createWebhook: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          url: string;
          /**
           * @default [
           *       "escrow.created",
           *       "escrow.funded",
           *       "escrow.status",
           *       "escrow.approved",
           *       "escrow.released",
           *       "escrow.disputed",
           *       "escrow.resolved",
           *       "escrow.withdrawn",
           *       "escrow.refunded",
           *       "escrow.updated"
           *     ]
           */
          event_types?: (
            | 'escrow.created'
            | 'escrow.funded'
            | 'escrow.status'
            | 'escrow.approved'
            | 'escrow.released'
            | 'escrow.disputed'
            | 'escrow.resolved'
            | 'escrow.withdrawn'
            | 'escrow.refunded'
            | 'escrow.updated'
          )[];
          escrow_ids?: string[] | null;
        };
      };
    };
    responses: {
      /** @description The subscription, with its secret */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            /** @description The API key the subscription belongs to */
            key_id: string;
            url: string;
            event_types: (
              | 'escrow.created'
              | 'escrow.funded'
              | 'escrow.status'
              | 'escrow.approved'
              | 'escrow.released'
              | 'escrow.disputed'
              | 'escrow.resolved'
              | 'escrow.withdrawn'
              | 'escrow.refunded'
              | 'escrow.updated'
            )[];
            /** @description Only these escrows; null for every escrow of the key’s owner */
            escrow_ids: string[] | null;
            /** @description ISO 8601 */
            created_at: string;
            /** @description The signing secret (whsec_…), shown this once: verify each delivery with it */
            secret: string;
          };
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      409: components['responses']['Problem409'];
      413: components['responses']['Problem413'];
      422: components['responses']['Problem422'];
      429: components['responses']['Problem429'];
      500: components['responses']['Problem500'];
    };
  };
  deleteWebhook: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The subscription’s id */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            deleted: boolean;
          };
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      429: components['responses']['Problem429'];
      500: components['responses']['Problem500'];
    };
  };
  listWebhookDeliveries: {
    parameters: {
      query?: {
        limit?: number;
      };
      header?: never;
      path: {
        /** @description The subscription’s id */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The deliveries */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              id: string;
              subscription_id: string;
              /** @description Sent as the `webhook-id` header */
              event_id: string;
              escrow_id: string;
              /** @enum {string} */
              event_type:
                | 'escrow.created'
                | 'escrow.funded'
                | 'escrow.status'
                | 'escrow.approved'
                | 'escrow.released'
                | 'escrow.disputed'
                | 'escrow.resolved'
                | 'escrow.withdrawn'
                | 'escrow.refunded'
                | 'escrow.updated';
              /** @enum {string} */
              status: 'pending' | 'delivered' | 'failed';
              attempts: number;
              next_attempt_at: string | null;
              last_attempt_at: string | null;
              last_status_code: number | null;
              last_latency_ms: number | null;
              last_error: string | null;
              /** @description ISO 8601 */
              created_at: string;
              delivered_at: string | null;
              /** @description The newest attempts (at most 10), newest first; `attempts` counts them all */
              attempt_log: {
                /** @description 1 for the first attempt */
                number: number;
                /** @description ISO 8601 */
                at: string;
                /** @description The receiver’s HTTP status; null when it gave none */
                status_code: number | null;
                latency_ms: number;
                /** @description Why the attempt failed (timeout, connection refused, HTTP 503…); null for a 2xx */
                error: string | null;
              }[];
            }[];
          };
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      429: components['responses']['Problem429'];
      500: components['responses']['Problem500'];
    };
  };
  resendWebhookDelivery: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The subscription’s id */
        id: string;
        /** @description The delivery’s id */
        delivery: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The delivery, due now */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            subscription_id: string;
            /** @description Sent as the `webhook-id` header */
            event_id: string;
            escrow_id: string;
            /** @enum {string} */
            event_type:
              | 'escrow.created'
              | 'escrow.funded'
              | 'escrow.status'
              | 'escrow.approved'
              | 'escrow.released'
              | 'escrow.disputed'
              | 'escrow.resolved'
              | 'escrow.withdrawn'
              | 'escrow.refunded'
              | 'escrow.updated';
            /** @enum {string} */
            status: 'pending' | 'delivered' | 'failed';
            attempts: number;
            next_attempt_at: string | null;
            last_attempt_at: string | null;
            last_status_code: number | null;
            last_latency_ms: number | null;
            last_error: string | null;
            /** @description ISO 8601 */
            created_at: string;
            delivered_at: string | null;
            /** @description The newest attempts (at most 10), newest first; `attempts` counts them all */
            attempt_log: {
              /** @description 1 for the first attempt */
              number: number;
              /** @description ISO 8601 */
              at: string;
              /** @description The receiver’s HTTP status; null when it gave none */
              status_code: number | null;
              latency_ms: number;
              /** @description Why the attempt failed (timeout, connection refused, HTTP 503…); null for a 2xx */
              error: string | null;
            }[];
          };
        };
      };
      400: components['responses']['Problem400'];
      401: components['responses']['Problem401'];
      403: components['responses']['Problem403'];
      404: components['responses']['Problem404'];
      429: components['responses']['Problem429'];
      500: components['responses']['Problem500'];
    };
  };
  webhook_escrow_created: {
    parameters: {
      query?: never;
      header: {
        /** @description The event id: the same on every attempt; drop a repeat */
        'webhook-id': string;
        /** @description Seconds since the epoch when this attempt was signed */
        'webhook-timestamp': string;
        /** @description `v1,` and the base64 HMAC-SHA256 of `id.timestamp.body` with the secret (Standard Webhooks) */
        'webhook-signature': string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['WebhookPayload'];
      };
    };
    responses: {
      /** @description Received; any other answer, or none within 10 s, is retried with backoff for a day */
      '2XX': {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  webhook_escrow_funded: {
    parameters: {
      query?: never;
      header: {
        /** @description The event id: the same on every attempt; drop a repeat */
        'webhook-id': string;
        /** @description Seconds since the epoch when this attempt was signed */
        'webhook-timestamp': string;
        /** @description `v1,` and the base64 HMAC-SHA256 of `id.timestamp.body` with the secret (Standard Webhooks) */
        'webhook-signature': string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['WebhookPayload'];
      };
    };
    responses: {
      /** @description Received; any other answer, or none within 10 s, is retried with backoff for a day */
      '2XX': {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  webhook_escrow_status: {
    parameters: {
      query?: never;
      header: {
        /** @description The event id: the same on every attempt; drop a repeat */
        'webhook-id': string;
        /** @description Seconds since the epoch when this attempt was signed */
        'webhook-timestamp': string;
        /** @description `v1,` and the base64 HMAC-SHA256 of `id.timestamp.body` with the secret (Standard Webhooks) */
        'webhook-signature': string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['WebhookPayload'];
      };
    };
    responses: {
      /** @description Received; any other answer, or none within 10 s, is retried with backoff for a day */
      '2XX': {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  webhook_escrow_approved: {
    parameters: {
      query?: never;
      header: {
        /** @description The event id: the same on every attempt; drop a repeat */
        'webhook-id': string;
        /** @description Seconds since the epoch when this attempt was signed */
        'webhook-timestamp': string;
        /** @description `v1,` and the base64 HMAC-SHA256 of `id.timestamp.body` with the secret (Standard Webhooks) */
        'webhook-signature': string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['WebhookPayload'];
      };
    };
    responses: {
      /** @description Received; any other answer, or none within 10 s, is retried with backoff for a day */
      '2XX': {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  webhook_escrow_released: {
    parameters: {
      query?: never;
      header: {
        /** @description The event id: the same on every attempt; drop a repeat */
        'webhook-id': string;
        /** @description Seconds since the epoch when this attempt was signed */
        'webhook-timestamp': string;
        /** @description `v1,` and the base64 HMAC-SHA256 of `id.timestamp.body` with the secret (Standard Webhooks) */
        'webhook-signature': string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['WebhookPayload'];
      };
    };
    responses: {
      /** @description Received; any other answer, or none within 10 s, is retried with backoff for a day */
      '2XX': {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  webhook_escrow_disputed: {
    parameters: {
      query?: never;
      header: {
        /** @description The event id: the same on every attempt; drop a repeat */
        'webhook-id': string;
        /** @description Seconds since the epoch when this attempt was signed */
        'webhook-timestamp': string;
        /** @description `v1,` and the base64 HMAC-SHA256 of `id.timestamp.body` with the secret (Standard Webhooks) */
        'webhook-signature': string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['WebhookPayload'];
      };
    };
    responses: {
      /** @description Received; any other answer, or none within 10 s, is retried with backoff for a day */
      '2XX': {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  webhook_escrow_resolved: {
    parameters: {
      query?: never;
      header: {
        /** @description The event id: the same on every attempt; drop a repeat */
        'webhook-id': string;
        /** @description Seconds since the epoch when this attempt was signed */
        'webhook-timestamp': string;
        /** @description `v1,` and the base64 HMAC-SHA256 of `id.timestamp.body` with the secret (Standard Webhooks) */
        'webhook-signature': string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['WebhookPayload'];
      };
    };
    responses: {
      /** @description Received; any other answer, or none within 10 s, is retried with backoff for a day */
      '2XX': {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  webhook_escrow_withdrawn: {
    parameters: {
      query?: never;
      header: {
        /** @description The event id: the same on every attempt; drop a repeat */
        'webhook-id': string;
        /** @description Seconds since the epoch when this attempt was signed */
        'webhook-timestamp': string;
        /** @description `v1,` and the base64 HMAC-SHA256 of `id.timestamp.body` with the secret (Standard Webhooks) */
        'webhook-signature': string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['WebhookPayload'];
      };
    };
    responses: {
      /** @description Received; any other answer, or none within 10 s, is retried with backoff for a day */
      '2XX': {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  webhook_escrow_refunded: {
    parameters: {
      query?: never;
      header: {
        /** @description The event id: the same on every attempt; drop a repeat */
        'webhook-id': string;
        /** @description Seconds since the epoch when this attempt was signed */
        'webhook-timestamp': string;
        /** @description `v1,` and the base64 HMAC-SHA256 of `id.timestamp.body` with the secret (Standard Webhooks) */
        'webhook-signature': string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['WebhookPayload'];
      };
    };
    responses: {
      /** @description Received; any other answer, or none within 10 s, is retried with backoff for a day */
      '2XX': {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  webhook_escrow_updated: {
    parameters: {
      query?: never;
      header: {
        /** @description The event id: the same on every attempt; drop a repeat */
        'webhook-id': string;
        /** @description Seconds since the epoch when this attempt was signed */
        'webhook-timestamp': string;
        /** @description `v1,` and the base64 HMAC-SHA256 of `id.timestamp.body` with the secret (Standard Webhooks) */
        'webhook-signature': string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['WebhookPayload'];
      };
    };
    responses: {
      /** @description Received; any other answer, or none within 10 s, is retried with backoff for a day */
      '2XX': {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
}
