ALTER TABLE "financing_plans" ADD COLUMN "decided_on" date;--> statement-breakpoint
ALTER TABLE "fund_packages" ADD COLUMN "announced_on" date;--> statement-breakpoint
ALTER TABLE "funds" ADD COLUMN "announced_on" date;