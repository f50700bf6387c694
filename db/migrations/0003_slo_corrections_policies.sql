CREATE TABLE "slo_corrections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slo_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"duration_minutes" integer NOT NULL,
	"rrule" text,
	"time_zone" text DEFAULT 'UTC' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "slo_corrections_duration_check" CHECK ("slo_corrections"."duration_minutes" between 1 and 44640),
	CONSTRAINT "slo_corrections_reason_check" CHECK (length("slo_corrections"."reason") between 1 and 500)
);
--> statement-breakpoint
CREATE TABLE "budget_policies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" uuid,
	"warning_below" double precision NOT NULL,
	"exhausted_below" double precision NOT NULL,
	"actions" jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budget_policies_thresholds_check" CHECK ("budget_policies"."exhausted_below" >= 0 and "budget_policies"."exhausted_below" < "budget_policies"."warning_below" and "budget_policies"."warning_below" <= 1)
);
--> statement-breakpoint
CREATE TABLE "policy_states" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"service_id" uuid NOT NULL,
	"state" text NOT NULL,
	"since" timestamp with time zone NOT NULL,
	"remaining" double precision,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "policy_states_state_check" CHECK ("policy_states"."state" in ('healthy', 'warning', 'exhausted', 'unknown'))
);
--> statement-breakpoint
ALTER TABLE "slos" ADD COLUMN "alert_levels" jsonb;--> statement-breakpoint
ALTER TABLE "slo_corrections" ADD CONSTRAINT "slo_corrections_slo_id_slos_id_fk" FOREIGN KEY ("slo_id") REFERENCES "public"."slos"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "slo_corrections" ADD CONSTRAINT "slo_corrections_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_policies" ADD CONSTRAINT "budget_policies_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_policies" ADD CONSTRAINT "budget_policies_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_states" ADD CONSTRAINT "policy_states_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "slo_corrections_slo_idx" ON "slo_corrections" USING btree ("slo_id");--> statement-breakpoint
CREATE UNIQUE INDEX "budget_policies_service_idx" ON "budget_policies" USING btree ("service_id");--> statement-breakpoint
CREATE UNIQUE INDEX "budget_policies_org_idx" ON "budget_policies" USING btree ((true)) WHERE "budget_policies"."service_id" is null;--> statement-breakpoint
CREATE INDEX "policy_states_service_since_idx" ON "policy_states" USING btree ("service_id","since");