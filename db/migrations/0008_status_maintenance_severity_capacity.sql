CREATE TABLE "severity_targets" (
	"level" smallint PRIMARY KEY NOT NULL,
	"respond_minutes" integer,
	"respond_business_days" integer,
	"resolve_minutes" integer,
	"resolve_business_days" integer,
	"postmortem_required" boolean NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "severity_targets_level_check" CHECK ("severity_targets"."level" between 1 and 4),
	CONSTRAINT "severity_targets_respond_check" CHECK ((coalesce("severity_targets"."respond_minutes", 0) > 0) <> (coalesce("severity_targets"."respond_business_days", 0) > 0)),
	CONSTRAINT "severity_targets_resolve_check" CHECK ((coalesce("severity_targets"."resolve_minutes", 0) > 0) <> (coalesce("severity_targets"."resolve_business_days", 0) > 0))
);
--> statement-breakpoint
CREATE TABLE "status_maintenance_services" (
	"maintenance_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	CONSTRAINT "status_maintenance_services_maintenance_id_service_id_pk" PRIMARY KEY("maintenance_id","service_id")
);
--> statement-breakpoint
CREATE TABLE "status_maintenances" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"cancelled_at" timestamp with time zone,
	"announced_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "status_maintenances_window_check" CHECK ("status_maintenances"."ends_at" > "status_maintenances"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "capacity_resources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" uuid NOT NULL,
	"name" text NOT NULL,
	"datasource_id" uuid,
	"usage_query" text NOT NULL,
	"limit_value" double precision,
	"limit_query" text,
	"unit" text DEFAULT '' NOT NULL,
	"warning_level" double precision DEFAULT 0.8 NOT NULL,
	"lookback_days" integer DEFAULT 90 NOT NULL,
	"resolution_seconds" integer DEFAULT 300 NOT NULL,
	"template" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "capacity_resources_service_name_unique" UNIQUE("service_id","name"),
	CONSTRAINT "capacity_resources_limit_check" CHECK (("capacity_resources"."limit_value" is null) <> ("capacity_resources"."limit_query" is null)),
	CONSTRAINT "capacity_resources_limit_positive_check" CHECK ("capacity_resources"."limit_value" is null or "capacity_resources"."limit_value" > 0),
	CONSTRAINT "capacity_resources_warning_check" CHECK ("capacity_resources"."warning_level" > 0 and "capacity_resources"."warning_level" < 1),
	CONSTRAINT "capacity_resources_lookback_check" CHECK ("capacity_resources"."lookback_days" between 1 and 400),
	CONSTRAINT "capacity_resources_resolution_check" CHECK ("capacity_resources"."resolution_seconds" between 15 and 86400)
);
--> statement-breakpoint
ALTER TABLE "severity_targets" ADD CONSTRAINT "severity_targets_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_maintenance_services" ADD CONSTRAINT "status_maintenance_services_maintenance_id_status_maintenances_id_fk" FOREIGN KEY ("maintenance_id") REFERENCES "public"."status_maintenances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_maintenance_services" ADD CONSTRAINT "status_maintenance_services_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_maintenances" ADD CONSTRAINT "status_maintenances_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capacity_resources" ADD CONSTRAINT "capacity_resources_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capacity_resources" ADD CONSTRAINT "capacity_resources_datasource_id_datasources_id_fk" FOREIGN KEY ("datasource_id") REFERENCES "public"."datasources"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capacity_resources" ADD CONSTRAINT "capacity_resources_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "status_maintenance_services_service_idx" ON "status_maintenance_services" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "status_maintenances_ends_idx" ON "status_maintenances" USING btree ("ends_at");--> statement-breakpoint
CREATE INDEX "capacity_resources_service_idx" ON "capacity_resources" USING btree ("service_id");