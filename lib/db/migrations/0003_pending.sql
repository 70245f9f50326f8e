ALTER TABLE "pending_steps" ADD COLUMN "starter" text NOT NULL;--> statement-breakpoint
ALTER TABLE "pending_steps" ADD COLUMN "client" text NOT NULL;--> statement-breakpoint
ALTER TABLE "pending_steps" ADD COLUMN "confirmed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "pending_steps_by_starter" ON "pending_steps" USING btree ("network","starter");--> statement-breakpoint
CREATE INDEX "pending_steps_by_client" ON "pending_steps" USING btree ("network","client");--> statement-breakpoint
ALTER TABLE "pending_steps" ADD CONSTRAINT "pending_steps_network" CHECK ("pending_steps"."network" ~ '^[a-z0-9-]{1,32}$');--> statement-breakpoint
ALTER TABLE "pending_steps" ADD CONSTRAINT "pending_steps_starter" CHECK ("pending_steps"."starter" ~ '^G[A-Z2-7]{55}$');--> statement-breakpoint
ALTER TABLE "pending_steps" ADD CONSTRAINT "pending_steps_client" CHECK (length("pending_steps"."client") between 1 and 200);--> statement-breakpoint
ALTER TABLE "pending_steps" ADD CONSTRAINT "pending_steps_func" CHECK (length("pending_steps"."func") between 1 and 8192);--> statement-breakpoint
ALTER TABLE "pending_steps" ADD CONSTRAINT "pending_steps_entries" CHECK (case when jsonb_typeof("pending_steps"."entries") = 'array' then jsonb_array_length("pending_steps"."entries") between 1 and 5 else false end);