CREATE TABLE "webhook_attempts" (
	"delivery_id" text NOT NULL,
	"number" integer NOT NULL,
	"attempted_at" timestamp with time zone NOT NULL,
	"status_code" integer,
	"latency_ms" integer NOT NULL,
	"error" text,
	CONSTRAINT "webhook_attempts_pk" PRIMARY KEY("delivery_id","number"),
	CONSTRAINT "webhook_attempts_number" CHECK ("webhook_attempts"."number" >= 1),
	CONSTRAINT "webhook_attempts_status_code" CHECK ("webhook_attempts"."status_code" is null or "webhook_attempts"."status_code" between 100 and 599),
	CONSTRAINT "webhook_attempts_latency" CHECK ("webhook_attempts"."latency_ms" >= 0),
	CONSTRAINT "webhook_attempts_error" CHECK ("webhook_attempts"."error" is null or length("webhook_attempts"."error") between 1 and 500),
	CONSTRAINT "webhook_attempts_outcome" CHECK ("webhook_attempts"."status_code" is not null or "webhook_attempts"."error" is not null)
);
--> statement-breakpoint
ALTER TABLE "webhook_attempts" ADD CONSTRAINT "webhook_attempts_delivery_id_webhook_deliveries_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "public"."webhook_deliveries"("id") ON DELETE cascade ON UPDATE no action;