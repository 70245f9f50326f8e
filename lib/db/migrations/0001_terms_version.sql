ALTER TABLE "escrows" ADD COLUMN "terms_version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "escrows" ADD CONSTRAINT "escrows_terms_version" CHECK ("escrows"."terms_version" >= 1);--> statement-breakpoint
ALTER TABLE "payouts" ADD CONSTRAINT "payouts_contract_id" CHECK ("payouts"."contract_id" ~ '^C[A-Z2-7]{55}$');