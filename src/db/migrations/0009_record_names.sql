ALTER TABLE "facts" ADD COLUMN "name_en" text;--> statement-breakpoint
ALTER TABLE "facts" ADD COLUMN "name_de" text;--> statement-breakpoint
ALTER TABLE "facts" ADD COLUMN "explanation_en" text;--> statement-breakpoint
ALTER TABLE "facts" ADD COLUMN "explanation_de" text;--> statement-breakpoint
ALTER TABLE "requirement_packages" ADD COLUMN "name_en" text;--> statement-breakpoint
ALTER TABLE "requirement_packages" ADD COLUMN "name_de" text;--> statement-breakpoint
ALTER TABLE "requirements" ADD COLUMN "name_en" text;--> statement-breakpoint
ALTER TABLE "requirements" ADD COLUMN "name_de" text;