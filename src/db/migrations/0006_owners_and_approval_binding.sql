ALTER TABLE "sources" ADD COLUMN "owner" text;--> statement-breakpoint
ALTER TABLE "pledge_approvals" ADD COLUMN "base_created_at" timestamp with time zone;