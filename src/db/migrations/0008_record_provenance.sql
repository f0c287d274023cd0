ALTER TABLE "contributions" ALTER COLUMN "amount" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "contributions" ADD COLUMN "derived" jsonb;--> statement-breakpoint
ALTER TABLE "pledges" ADD COLUMN "stale" text;--> statement-breakpoint
ALTER TABLE "pledges" ADD COLUMN "derived" jsonb;--> statement-breakpoint
ALTER TABLE "requirements" ADD COLUMN "note" text;--> statement-breakpoint
ALTER TABLE "requirements" ADD COLUMN "derived" jsonb;