CREATE TABLE "api_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"owner" text NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"hash" text NOT NULL,
	"scopes" text[] NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_keys_hash_unique" UNIQUE("hash"),
	CONSTRAINT "api_keys_owner" CHECK ("api_keys"."owner" ~ '^[GC][A-Z2-7]{55}$'),
	CONSTRAINT "api_keys_hash" CHECK ("api_keys"."hash" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "api_keys_name" CHECK (length("api_keys"."name") between 1 and 64)
);
--> statement-breakpoint
CREATE TABLE "api_rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"points" integer NOT NULL,
	"expire" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "api_sessions" (
	"hash" text PRIMARY KEY NOT NULL,
	"address" text NOT NULL,
	"challenge_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "api_sessions_challenge_hash_unique" UNIQUE("challenge_hash"),
	CONSTRAINT "api_sessions_hash" CHECK ("api_sessions"."hash" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "api_sessions_address" CHECK ("api_sessions"."address" ~ '^[GC][A-Z2-7]{55}$')
);
--> statement-breakpoint
CREATE TABLE "idempotency_records" (
	"key_id" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"request_hash" text NOT NULL,
	"status" integer,
	"body" jsonb,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "idempotency_records_key_id_idempotency_key_pk" PRIMARY KEY("key_id","idempotency_key"),
	CONSTRAINT "idempotency_key_shape" CHECK (length("idempotency_records"."idempotency_key") between 1 and 255)
);
--> statement-breakpoint
CREATE INDEX "api_keys_by_owner" ON "api_keys" USING btree ("owner");--> statement-breakpoint
CREATE INDEX "api_sessions_by_expiry" ON "api_sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "idempotency_by_created" ON "idempotency_records" USING btree ("created_at");