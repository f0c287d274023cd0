ALTER TABLE "sanctions_measures" ADD COLUMN "type" text;--> statement-breakpoint
ALTER TABLE "sanctions_measures" ADD COLUMN "status" text DEFAULT 'adopted' NOT NULL;--> statement-breakpoint
ALTER TABLE "sanctions_measures" ADD COLUMN "level" text;--> statement-breakpoint
ALTER TABLE "sanctions_measures" ADD COLUMN "proposed_on" date;--> statement-breakpoint
ALTER TABLE "sanctions_measures" ADD COLUMN "applies_from" date;--> statement-breakpoint
ALTER TABLE "sanctions_measures" ADD COLUMN "exemptions" jsonb DEFAULT '[]'::jsonb NOT NULL;