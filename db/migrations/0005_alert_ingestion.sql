CREATE TABLE "alert_deliveries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"integration_id" uuid,
	"source" text NOT NULL,
	"group_key_hash" text NOT NULL,
	"status" text NOT NULL,
	"alert_count" integer NOT NULL,
	"incident_id" uuid,
	"outcome" text NOT NULL,
	"payload" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incident_alerts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"incident_id" uuid NOT NULL,
	"fingerprint" text NOT NULL,
	"alertname" text NOT NULL,
	"labels" jsonb NOT NULL,
	"annotations" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone,
	"generator_url" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incident_alerts_incident_fingerprint_key" UNIQUE("incident_id","fingerprint"),
	CONSTRAINT "incident_alerts_status_check" CHECK ("incident_alerts"."status" in ('firing', 'resolved'))
);
--> statement-breakpoint
CREATE TABLE "integrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text DEFAULT 'alertmanager' NOT NULL,
	"name" text NOT NULL,
	"secret_hash" text NOT NULL,
	"secret_prefix" text NOT NULL,
	"on_all_resolved" text DEFAULT 'monitoring' NOT NULL,
	"default_severity" smallint DEFAULT 3 NOT NULL,
	"rules" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "integrations_name_unique" UNIQUE("name"),
	CONSTRAINT "integrations_secret_hash_unique" UNIQUE("secret_hash"),
	CONSTRAINT "integrations_kind_check" CHECK ("integrations"."kind" in ('alertmanager')),
	CONSTRAINT "integrations_on_all_resolved_check" CHECK ("integrations"."on_all_resolved" in ('monitoring', 'resolved')),
	CONSTRAINT "integrations_default_severity_check" CHECK ("integrations"."default_severity" between 1 and 4)
);
--> statement-breakpoint
ALTER TABLE "alert_deliveries" ADD CONSTRAINT "alert_deliveries_integration_id_integrations_id_fk" FOREIGN KEY ("integration_id") REFERENCES "public"."integrations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_deliveries" ADD CONSTRAINT "alert_deliveries_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_alerts" ADD CONSTRAINT "incident_alerts_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrations" ADD CONSTRAINT "integrations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alert_deliveries_received_idx" ON "alert_deliveries" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "alert_deliveries_integration_idx" ON "alert_deliveries" USING btree ("integration_id","received_at");--> statement-breakpoint
CREATE INDEX "alert_deliveries_group_idx" ON "alert_deliveries" USING btree ("group_key_hash");