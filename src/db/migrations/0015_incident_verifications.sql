CREATE TABLE "incident_verifications" (
	"incident_id" text PRIMARY KEY NOT NULL,
	"base_version" integer NOT NULL,
	"base_created_at" timestamp with time zone NOT NULL,
	"requested_by" text NOT NULL,
	"requested_at" timestamp with time zone NOT NULL
);
