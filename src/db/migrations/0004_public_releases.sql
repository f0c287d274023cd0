CREATE TABLE "public_releases" (
	"id" integer PRIMARY KEY NOT NULL,
	"date" date NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"published_by" text NOT NULL,
	"note" text,
	"audit_seq" integer NOT NULL,
	"summary" jsonb NOT NULL,
	"basis" jsonb NOT NULL
);
--> statement-breakpoint
CREATE INDEX "public_releases_date_idx" ON "public_releases" USING btree ("date");