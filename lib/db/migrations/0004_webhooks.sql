CREATE TABLE "webhook_deliveries" (
	"id" text PRIMARY KEY NOT NULL,
	"subscription_id" text NOT NULL,
	"network" text NOT NULL,
	"event_id" text NOT NULL,
	"contract_id" text NOT NULL,
	"event_type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text NOT NULL,
	"attempts" integer NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"locked_until" timestamp with time zone,
	"last_attempt_at" timestamp with time zone,
	"last_status_code" integer,
	"last_latency_ms" integer,
	"last_error" text,
	"created_at" timestamp with time zone NOT NULL,
	"delivered_at" timestamp with time zone,
	CONSTRAINT "webhook_deliveries_once" UNIQUE("subscription_id","event_id"),
	CONSTRAINT "webhook_deliveries_event_id" CHECK ("webhook_deliveries"."event_id" ~ '^[0-9]{19}-[0-9]{10}$'),
	CONSTRAINT "webhook_deliveries_status" CHECK ("webhook_deliveries"."status" in ('pending', 'delivered', 'failed')),
	CONSTRAINT "webhook_deliveries_attempts" CHECK ("webhook_deliveries"."attempts" >= 0)
);
--> statement-breakpoint
CREATE TABLE "webhook_subscriptions" (
	"id" text PRIMARY KEY NOT NULL,
	"key_id" text NOT NULL,
	"owner" text NOT NULL,
	"network" text NOT NULL,
	"url" text NOT NULL,
	"event_types" text[] NOT NULL,
	"escrow_ids" text[],
	"secret" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "webhook_subscriptions_owner" CHECK ("webhook_subscriptions"."owner" ~ '^[GC][A-Z2-7]{55}$'),
	CONSTRAINT "webhook_subscriptions_network" CHECK ("webhook_subscriptions"."network" ~ '^[a-z0-9-]{1,32}$'),
	CONSTRAINT "webhook_subscriptions_url" CHECK (length("webhook_subscriptions"."url") between 8 and 2000),
	CONSTRAINT "webhook_subscriptions_types" CHECK (cardinality("webhook_subscriptions"."event_types") between 1 and 10),
	CONSTRAINT "webhook_subscriptions_escrows" CHECK ("webhook_subscriptions"."escrow_ids" is null or cardinality("webhook_subscriptions"."escrow_ids") between 1 and 100),
	CONSTRAINT "webhook_subscriptions_secret" CHECK ("webhook_subscriptions"."secret" ~ '^whsec_[A-Za-z0-9+/=]{32,64}$')
);
--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_subscription_id_webhook_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."webhook_subscriptions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_subscriptions" ADD CONSTRAINT "webhook_subscriptions_key_id_api_keys_id_fk" FOREIGN KEY ("key_id") REFERENCES "public"."api_keys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "webhook_deliveries_due" ON "webhook_deliveries" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_by_subscription" ON "webhook_deliveries" USING btree ("subscription_id","created_at");--> statement-breakpoint
CREATE INDEX "webhook_subscriptions_by_network" ON "webhook_subscriptions" USING btree ("network");--> statement-breakpoint
CREATE INDEX "webhook_subscriptions_by_key" ON "webhook_subscriptions" USING btree ("key_id");