CREATE TABLE "escrows" (
	"network" text NOT NULL,
	"contract_id" text NOT NULL,
	"kind" text NOT NULL,
	"engagement_id" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"token" text NOT NULL,
	"platform" text NOT NULL,
	"approvals_required" integer NOT NULL,
	"releases_required" integer NOT NULL,
	"platform_fee_bps" integer NOT NULL,
	"protocol_fee_bps" integer NOT NULL,
	"protocol_fee_recipient" text NOT NULL,
	"deadline" timestamp with time zone,
	"config" jsonb NOT NULL,
	"amount" numeric(39, 0) NOT NULL,
	"funded" numeric(39, 0) NOT NULL,
	"paid_out" numeric(39, 0) NOT NULL,
	"refunded" numeric(39, 0) NOT NULL,
	"balance" numeric(39, 0) NOT NULL,
	"released_amount" numeric(39, 0) NOT NULL,
	"platform_fees_paid" numeric(39, 0) NOT NULL,
	"protocol_fees_paid" numeric(39, 0) NOT NULL,
	"in_dispute" numeric(39, 0) NOT NULL,
	"disputed" boolean NOT NULL,
	"dispute_reason" text NOT NULL,
	"is_released" boolean NOT NULL,
	"is_resolved" boolean NOT NULL,
	"refunding" boolean NOT NULL,
	"status" text NOT NULL,
	"wasm_hash" text NOT NULL,
	"created_ledger" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_event_id" text NOT NULL,
	CONSTRAINT "escrows_network_contract_id_pk" PRIMARY KEY("network","contract_id"),
	CONSTRAINT "escrows_network" CHECK ("escrows"."network" ~ '^[a-z0-9-]{1,32}$'),
	CONSTRAINT "escrows_contract_id" CHECK ("escrows"."contract_id" ~ '^C[A-Z2-7]{55}$'),
	CONSTRAINT "escrows_token" CHECK ("escrows"."token" ~ '^C[A-Z2-7]{55}$'),
	CONSTRAINT "escrows_platform" CHECK ("escrows"."platform" ~ '^[GC][A-Z2-7]{55}$'),
	CONSTRAINT "escrows_protocol_fee_recipient" CHECK ("escrows"."protocol_fee_recipient" ~ '^[GC][A-Z2-7]{55}$'),
	CONSTRAINT "escrows_kind" CHECK ("escrows"."kind" in ('single', 'multi')),
	CONSTRAINT "escrows_status" CHECK ("escrows"."status" in ('funding', 'in_progress', 'disputed', 'released', 'resolved', 'refunding')),
	CONSTRAINT "escrows_wasm_hash" CHECK ("escrows"."wasm_hash" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "escrows_last_event_id" CHECK ("escrows"."last_event_id" ~ '^[0-9]{19}-[0-9]{10}$'),
	CONSTRAINT "escrows_amounts" CHECK ("escrows"."amount" >= 0 and "escrows"."funded" >= 0 and "escrows"."paid_out" >= 0 and "escrows"."refunded" >= 0 and "escrows"."balance" >= 0
        and "escrows"."released_amount" >= 0 and "escrows"."platform_fees_paid" >= 0 and "escrows"."protocol_fees_paid" >= 0 and "escrows"."in_dispute" >= 0),
	CONSTRAINT "escrows_bps" CHECK ("escrows"."platform_fee_bps" between 0 and 10000 and "escrows"."protocol_fee_bps" between 0 and 10000)
);
--> statement-breakpoint
CREATE TABLE "events" (
	"network" text NOT NULL,
	"event_id" text NOT NULL,
	"contract_id" text NOT NULL,
	"tx_hash" text NOT NULL,
	"ledger" integer NOT NULL,
	"closed_at" timestamp with time zone NOT NULL,
	"action" text NOT NULL,
	"data" jsonb NOT NULL,
	CONSTRAINT "events_network_event_id_pk" PRIMARY KEY("network","event_id"),
	CONSTRAINT "events_event_id" CHECK ("events"."event_id" ~ '^[0-9]{19}-[0-9]{10}$'),
	CONSTRAINT "events_tx_hash" CHECK ("events"."tx_hash" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "events_action" CHECK ("events"."action" ~ '^[a-z_]{1,32}$')
);
--> statement-breakpoint
CREATE TABLE "funders" (
	"network" text NOT NULL,
	"contract_id" text NOT NULL,
	"address" text NOT NULL,
	"contributed" numeric(39, 0) NOT NULL,
	"refunded" numeric(39, 0) NOT NULL,
	CONSTRAINT "funders_network_contract_id_address_pk" PRIMARY KEY("network","contract_id","address"),
	CONSTRAINT "funders_address" CHECK ("funders"."address" ~ '^[GC][A-Z2-7]{55}$'),
	CONSTRAINT "funders_amounts" CHECK ("funders"."contributed" >= 0 and "funders"."refunded" >= 0)
);
--> statement-breakpoint
CREATE TABLE "indexer_cursors" (
	"network" text PRIMARY KEY NOT NULL,
	"ledger" integer NOT NULL,
	"cursor" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "indexer_cursors_network" CHECK ("indexer_cursors"."network" ~ '^[a-z0-9-]{1,32}$'),
	CONSTRAINT "indexer_cursors_ledger" CHECK ("indexer_cursors"."ledger" >= 0)
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"network" text NOT NULL,
	"address" text NOT NULL,
	"contract_id" text NOT NULL,
	"roles" text[] NOT NULL,
	"kind" text NOT NULL,
	"token" text NOT NULL,
	"status" text NOT NULL,
	"amount" numeric(39, 0) NOT NULL,
	"created_ledger" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"balance" numeric(39, 0) NOT NULL,
	"released_amount" numeric(39, 0) NOT NULL,
	"fees_paid" numeric(39, 0) NOT NULL,
	"in_dispute" numeric(39, 0) NOT NULL,
	CONSTRAINT "memberships_network_address_contract_id_pk" PRIMARY KEY("network","address","contract_id"),
	CONSTRAINT "memberships_address" CHECK ("memberships"."address" ~ '^[GC][A-Z2-7]{55}$'),
	CONSTRAINT "memberships_roles" CHECK (cardinality("memberships"."roles") between 1 and 8 and "memberships"."roles" <@ array['approver', 'service_provider', 'release_signer', 'dispute_resolver', 'platform', 'receiver', 'milestone_receiver', 'funder']::text[])
);
--> statement-breakpoint
CREATE TABLE "milestones" (
	"network" text NOT NULL,
	"contract_id" text NOT NULL,
	"index" integer NOT NULL,
	"description" text NOT NULL,
	"amount" numeric(39, 0) NOT NULL,
	"receiver" text,
	"status" text NOT NULL,
	"evidence" text NOT NULL,
	"approvals" text[] NOT NULL,
	"approved" boolean NOT NULL,
	"disputed" boolean NOT NULL,
	"dispute_reason" text NOT NULL,
	"released" boolean NOT NULL,
	"resolved" boolean NOT NULL,
	CONSTRAINT "milestones_network_contract_id_index_pk" PRIMARY KEY("network","contract_id","index"),
	CONSTRAINT "milestones_index" CHECK ("milestones"."index" between 0 and 19),
	CONSTRAINT "milestones_amount" CHECK ("milestones"."amount" >= 0),
	CONSTRAINT "milestones_receiver" CHECK ("milestones"."receiver" ~ '^[GC][A-Z2-7]{55}$')
);
--> statement-breakpoint
CREATE TABLE "payouts" (
	"network" text NOT NULL,
	"event_id" text NOT NULL,
	"position" integer NOT NULL,
	"contract_id" text NOT NULL,
	"to_address" text NOT NULL,
	"gross" numeric(39, 0) NOT NULL,
	"refund" numeric(39, 0) NOT NULL,
	"protocol_fee" numeric(39, 0) NOT NULL,
	"platform_fee" numeric(39, 0) NOT NULL,
	"net" numeric(39, 0) NOT NULL,
	"closed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "payouts_network_event_id_position_pk" PRIMARY KEY("network","event_id","position"),
	CONSTRAINT "payouts_to" CHECK ("payouts"."to_address" ~ '^[GC][A-Z2-7]{55}$'),
	CONSTRAINT "payouts_amounts" CHECK ("payouts"."gross" >= 0 and "payouts"."refund" >= 0 and "payouts"."protocol_fee" >= 0 and "payouts"."platform_fee" >= 0 and "payouts"."net" >= 0)
);
--> statement-breakpoint
CREATE TABLE "pending_steps" (
	"id" text PRIMARY KEY NOT NULL,
	"network" text NOT NULL,
	"escrow_id" text NOT NULL,
	"network_passphrase" text NOT NULL,
	"func" text NOT NULL,
	"entries" jsonb NOT NULL,
	"valid_until_ledger" integer NOT NULL,
	"summary" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "pending_steps_id" CHECK ("pending_steps"."id" ~ '^[0-9a-f]{24}$'),
	CONSTRAINT "pending_steps_escrow_id" CHECK ("pending_steps"."escrow_id" ~ '^C[A-Z2-7]{55}$')
);
--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_escrow" FOREIGN KEY ("network","contract_id") REFERENCES "public"."escrows"("network","contract_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funders" ADD CONSTRAINT "funders_escrow" FOREIGN KEY ("network","contract_id") REFERENCES "public"."escrows"("network","contract_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_escrow" FOREIGN KEY ("network","contract_id") REFERENCES "public"."escrows"("network","contract_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_escrow" FOREIGN KEY ("network","contract_id") REFERENCES "public"."escrows"("network","contract_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payouts" ADD CONSTRAINT "payouts_event" FOREIGN KEY ("network","event_id") REFERENCES "public"."events"("network","event_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "escrows_by_created" ON "escrows" USING btree ("network","created_ledger","contract_id");--> statement-breakpoint
CREATE INDEX "escrows_by_engagement" ON "escrows" USING btree ("network","engagement_id");--> statement-breakpoint
CREATE INDEX "escrows_by_platform" ON "escrows" USING btree ("network","platform");--> statement-breakpoint
CREATE INDEX "events_by_escrow" ON "events" USING btree ("network","contract_id","event_id");--> statement-breakpoint
CREATE INDEX "memberships_by_created" ON "memberships" USING btree ("network","address","created_ledger","contract_id");--> statement-breakpoint
CREATE INDEX "memberships_by_amount" ON "memberships" USING btree ("network","address","amount","contract_id");--> statement-breakpoint
CREATE INDEX "memberships_by_escrow" ON "memberships" USING btree ("network","contract_id");--> statement-breakpoint
CREATE INDEX "payouts_by_escrow" ON "payouts" USING btree ("network","contract_id","closed_at");--> statement-breakpoint
CREATE INDEX "pending_steps_by_expiry" ON "pending_steps" USING btree ("valid_until_ledger");--> statement-breakpoint
CREATE INDEX "pending_steps_by_escrow" ON "pending_steps" USING btree ("network","escrow_id");