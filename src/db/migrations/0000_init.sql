CREATE TABLE "action_items" (
	"id" text PRIMARY KEY NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"meeting_id" text NOT NULL,
	"text" text NOT NULL,
	"owner" text,
	"due" date,
	"status" text DEFAULT 'open' NOT NULL,
	"pledges" text[] DEFAULT '{}' NOT NULL,
	"requirements" text[] DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_head" (
	"id" integer PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "capabilities" (
	"id" text PRIMARY KEY NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"unit" text NOT NULL,
	"name_en" text NOT NULL,
	"name_de" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contributions" (
	"id" text PRIMARY KEY NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"fund_id" text NOT NULL,
	"package_id" text,
	"donors" jsonb NOT NULL,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"date" date NOT NULL,
	"status" text DEFAULT 'pledged' NOT NULL,
	"confidentiality" text DEFAULT 'coalition' NOT NULL,
	"shared_with" text[],
	"sources" text[] DEFAULT '{}' NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "facts" (
	"id" text PRIMARY KEY NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"value" text NOT NULL,
	"probability" double precision,
	"description" text,
	"sources" text[] DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "financing_plans" (
	"id" text PRIMARY KEY NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"title" text NOT NULL,
	"need_amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"period_from" date,
	"period_to" date,
	"options" jsonb NOT NULL,
	"decided_option" text,
	"sources" text[] DEFAULT '{}' NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "fund_packages" (
	"id" text PRIMARY KEY NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"fund_id" text NOT NULL,
	"title" text NOT NULL,
	"price" bigint NOT NULL,
	"currency" text NOT NULL,
	"priority" integer DEFAULT 1 NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"sources" text[] DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funds" (
	"id" text PRIMARY KEY NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"title" text NOT NULL,
	"currency" text NOT NULL,
	"target_amount" bigint,
	"target_date" date,
	"description" text,
	"sources" text[] DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_decisions" (
	"id" text PRIMARY KEY NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"meeting_id" text NOT NULL,
	"text" text NOT NULL,
	"pledges" text[] DEFAULT '{}' NOT NULL,
	"requirements" text[] DEFAULT '{}' NOT NULL,
	"sources" text[] DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" text PRIMARY KEY NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"date" date NOT NULL,
	"format" text NOT NULL,
	"place" text,
	"title" text NOT NULL,
	"in_person" text[] DEFAULT '{}' NOT NULL,
	"online" text[] DEFAULT '{}' NOT NULL,
	"sources" text[] DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "parties" (
	"id" text PRIMARY KEY NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" text NOT NULL,
	"name_en" text NOT NULL,
	"name_de" text NOT NULL,
	"groups" text[] DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pledges" (
	"id" text PRIMARY KEY NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"party" text NOT NULL,
	"capability" text NOT NULL,
	"quantity_min" bigint,
	"quantity_max" bigint,
	"areas" text[] DEFAULT '{"any"}' NOT NULL,
	"window_from" date,
	"window_to" date,
	"status" text NOT NULL,
	"supersedes" text,
	"announced_on" date,
	"withdrawn_on" date,
	"confidentiality" text DEFAULT 'coalition' NOT NULL,
	"shared_with" text[],
	"condition" text DEFAULT 'true' NOT NULL,
	"sources" text[] DEFAULT '{}' NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "requirement_packages" (
	"id" text PRIMARY KEY NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"sources" text[] DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "requirements" (
	"id" text PRIMARY KEY NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"capability" text NOT NULL,
	"quantity" bigint,
	"estimate" boolean DEFAULT false NOT NULL,
	"priority" integer DEFAULT 1 NOT NULL,
	"area" text DEFAULT 'any' NOT NULL,
	"package_id" text,
	"window_from" date,
	"window_to" date,
	"title" text,
	"sources" text[] DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sanctions_measures" (
	"id" text PRIMARY KEY NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"package_id" text NOT NULL,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"count" integer,
	"sources" text[] DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sanctions_packages" (
	"id" text PRIMARY KEY NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"jurisdiction" text NOT NULL,
	"number" integer,
	"adopted_on" date,
	"title" text NOT NULL,
	"alignment" text[] DEFAULT '{}' NOT NULL,
	"exemptions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"sources" text[] DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sources" (
	"id" text PRIMARY KEY NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"url" text,
	"publication" text,
	"publisher" text NOT NULL,
	"date" date NOT NULL,
	"language" text,
	"quote" text
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"party" text,
	"password_hash" text,
	"disabled" boolean DEFAULT false NOT NULL,
	CONSTRAINT "users_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE INDEX "action_items_meeting_idx" ON "action_items" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity","entity_id");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "contributions_fund_idx" ON "contributions" USING btree ("fund_id");--> statement-breakpoint
CREATE INDEX "fund_packages_fund_idx" ON "fund_packages" USING btree ("fund_id");--> statement-breakpoint
CREATE INDEX "meeting_decisions_meeting_idx" ON "meeting_decisions" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "pledges_party_idx" ON "pledges" USING btree ("party");--> statement-breakpoint
CREATE INDEX "pledges_capability_idx" ON "pledges" USING btree ("capability");--> statement-breakpoint
CREATE INDEX "requirements_capability_idx" ON "requirements" USING btree ("capability");--> statement-breakpoint
CREATE INDEX "sanctions_measures_package_idx" ON "sanctions_measures" USING btree ("package_id");