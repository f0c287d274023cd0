ALTER TABLE "pledges" ADD COLUMN "guarantee_trigger" text;--> statement-breakpoint
ALTER TABLE "pledges" ADD COLUMN "guarantee_responses" text[];--> statement-breakpoint
ALTER TABLE "pledges" ADD COLUMN "guarantee_response_time" text;