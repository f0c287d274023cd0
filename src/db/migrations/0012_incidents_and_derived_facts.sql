CREATE TABLE "incidents" (
	"id" text PRIMARY KEY NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"title" text NOT NULL,
	"date" date NOT NULL,
	"time" text,
	"area" text NOT NULL,
	"location_lat" double precision,
	"location_lon" double precision,
	"kind" text NOT NULL,
	"severity" text NOT NULL,
	"reported_by" text NOT NULL,
	"status" text DEFAULT 'reported' NOT NULL,
	"verified_on" date,
	"sources" text[] DEFAULT '{}' NOT NULL,
	"note" text
);
--> statement-breakpoint
ALTER TABLE "facts" ADD COLUMN "derivation" jsonb;--> statement-breakpoint
CREATE INDEX "incidents_date_idx" ON "incidents" USING btree ("date");