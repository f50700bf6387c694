CREATE TABLE "slos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" uuid NOT NULL,
	"datasource_id" uuid,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"owner" text DEFAULT '' NOT NULL,
	"labels" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"sli" jsonb NOT NULL,
	"target" double precision NOT NULL,
	"sla_target" double precision,
	"window" jsonb NOT NULL,
	"budgeting" jsonb NOT NULL,
	"review_every_days" integer DEFAULT 90 NOT NULL,
	"last_reviewed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "slos_slug_unique" UNIQUE("slug"),
	CONSTRAINT "slos_target_check" CHECK ("slos"."target" > 0 and "slos"."target" < 1),
	CONSTRAINT "slos_sla_check" CHECK ("slos"."sla_target" is null or ("slos"."sla_target" > 0 and "slos"."sla_target" <= "slos"."target")),
	CONSTRAINT "slos_review_check" CHECK ("slos"."review_every_days" between 1 and 730)
);
--> statement-breakpoint
ALTER TABLE "slos" ADD CONSTRAINT "slos_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "slos" ADD CONSTRAINT "slos_datasource_id_datasources_id_fk" FOREIGN KEY ("datasource_id") REFERENCES "public"."datasources"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "slos_service_idx" ON "slos" USING btree ("service_id");