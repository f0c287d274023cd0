CREATE TABLE "ingest_proposals" (
	"id" text PRIMARY KEY NOT NULL,
	"owner" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"article" jsonb NOT NULL,
	"proposals" jsonb NOT NULL
);
--> statement-breakpoint
CREATE INDEX "ingest_proposals_owner_idx" ON "ingest_proposals" USING btree ("owner","created_at");--> statement-breakpoint
CREATE INDEX "ingest_proposals_expires_idx" ON "ingest_proposals" USING btree ("expires_at");