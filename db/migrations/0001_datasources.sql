CREATE TABLE "datasources" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"url" text NOT NULL,
	"auth_kind" text DEFAULT 'none' NOT NULL,
	"basic_username" text,
	"header_names" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"secrets" text,
	"timeout_seconds" integer DEFAULT 30 NOT NULL,
	"scrape_interval_seconds" integer DEFAULT 60 NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"from_env" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "datasources_name_unique" UNIQUE("name"),
	CONSTRAINT "datasources_kind_check" CHECK ("datasources"."kind" in ('prometheus', 'thanos', 'mimir', 'victoriametrics')),
	CONSTRAINT "datasources_auth_check" CHECK ("datasources"."auth_kind" in ('none', 'basic', 'bearer')),
	CONSTRAINT "datasources_timeout_check" CHECK ("datasources"."timeout_seconds" between 1 and 300),
	CONSTRAINT "datasources_scrape_check" CHECK ("datasources"."scrape_interval_seconds" between 1 and 3600)
);
--> statement-breakpoint
CREATE TABLE "service_charts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" uuid NOT NULL,
	"datasource_id" uuid,
	"title" text NOT NULL,
	"query" text NOT NULL,
	"unit" text DEFAULT 'short' NOT NULL,
	"legend" text DEFAULT '' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "service_charts" ADD CONSTRAINT "service_charts_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_charts" ADD CONSTRAINT "service_charts_datasource_id_datasources_id_fk" FOREIGN KEY ("datasource_id") REFERENCES "public"."datasources"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "datasources_one_default" ON "datasources" USING btree ("is_default") WHERE "datasources"."is_default";--> statement-breakpoint
CREATE INDEX "service_charts_service_idx" ON "service_charts" USING btree ("service_id","position");