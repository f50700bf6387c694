CREATE TABLE "action_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"postmortem_id" uuid NOT NULL,
	"title" text NOT NULL,
	"category" text NOT NULL,
	"priority" smallint DEFAULT 1 NOT NULL,
	"owner_id" uuid,
	"due_date" date,
	"status" text DEFAULT 'open' NOT NULL,
	"link" text,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "action_items_category_check" CHECK ("action_items"."category" in ('prevent', 'detect', 'recover')),
	CONSTRAINT "action_items_status_check" CHECK ("action_items"."status" in ('open', 'in_progress', 'done', 'wont_do')),
	CONSTRAINT "action_items_priority_check" CHECK ("action_items"."priority" between 0 and 2)
);
--> statement-breakpoint
CREATE TABLE "postmortem_comments" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"postmortem_id" uuid NOT NULL,
	"section" text NOT NULL,
	"author_id" uuid,
	"body" text NOT NULL,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "postmortem_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"postmortem_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"actor_id" uuid,
	"reason" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "postmortem_reviewers" (
	"postmortem_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"approved_at" timestamp with time zone,
	"approved_version" integer,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "postmortem_reviewers_postmortem_id_user_id_pk" PRIMARY KEY("postmortem_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "postmortem_settings" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"template" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"due_hours" integer DEFAULT 48 NOT NULL,
	"budget_share_threshold" double precision DEFAULT 0.2 NOT NULL,
	"approvals_required" integer DEFAULT 1 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "postmortem_settings_singleton_check" CHECK ("postmortem_settings"."id" = 1),
	CONSTRAINT "postmortem_settings_due_check" CHECK ("postmortem_settings"."due_hours" between 1 and 2160),
	CONSTRAINT "postmortem_settings_share_check" CHECK ("postmortem_settings"."budget_share_threshold" > 0 and "postmortem_settings"."budget_share_threshold" <= 1),
	CONSTRAINT "postmortem_settings_approvals_check" CHECK ("postmortem_settings"."approvals_required" between 0 and 10)
);
--> statement-breakpoint
CREATE TABLE "postmortems" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"incident_id" uuid NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"document" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"tags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"slo_impact" jsonb,
	"due_at" timestamp with time zone,
	"author_id" uuid,
	"contributor_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"last_saved_by" uuid,
	"submitted_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', "postmortems"."title"), 'A') || setweight(jsonb_to_tsvector('english', "postmortems"."document", '["string"]'), 'B')) STORED,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "postmortems_incident_id_unique" UNIQUE("incident_id"),
	CONSTRAINT "postmortems_status_check" CHECK ("postmortems"."status" in ('draft', 'in_review', 'published'))
);
--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_postmortem_id_postmortems_id_fk" FOREIGN KEY ("postmortem_id") REFERENCES "public"."postmortems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postmortem_comments" ADD CONSTRAINT "postmortem_comments_postmortem_id_postmortems_id_fk" FOREIGN KEY ("postmortem_id") REFERENCES "public"."postmortems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postmortem_comments" ADD CONSTRAINT "postmortem_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postmortem_events" ADD CONSTRAINT "postmortem_events_postmortem_id_postmortems_id_fk" FOREIGN KEY ("postmortem_id") REFERENCES "public"."postmortems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postmortem_events" ADD CONSTRAINT "postmortem_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postmortem_reviewers" ADD CONSTRAINT "postmortem_reviewers_postmortem_id_postmortems_id_fk" FOREIGN KEY ("postmortem_id") REFERENCES "public"."postmortems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postmortem_reviewers" ADD CONSTRAINT "postmortem_reviewers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postmortem_settings" ADD CONSTRAINT "postmortem_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postmortems" ADD CONSTRAINT "postmortems_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postmortems" ADD CONSTRAINT "postmortems_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postmortems" ADD CONSTRAINT "postmortems_last_saved_by_users_id_fk" FOREIGN KEY ("last_saved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "action_items_pm_idx" ON "action_items" USING btree ("postmortem_id");--> statement-breakpoint
CREATE INDEX "action_items_owner_status_idx" ON "action_items" USING btree ("owner_id","status");--> statement-breakpoint
CREATE INDEX "action_items_status_due_idx" ON "action_items" USING btree ("status","due_date");--> statement-breakpoint
CREATE INDEX "postmortem_comments_pm_idx" ON "postmortem_comments" USING btree ("postmortem_id","created_at");--> statement-breakpoint
CREATE INDEX "postmortem_events_pm_idx" ON "postmortem_events" USING btree ("postmortem_id","at");--> statement-breakpoint
CREATE INDEX "postmortem_reviewers_user_idx" ON "postmortem_reviewers" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "postmortems_status_due_idx" ON "postmortems" USING btree ("status","due_at");--> statement-breakpoint
CREATE INDEX "postmortems_search_idx" ON "postmortems" USING gin ("search");--> statement-breakpoint
CREATE INDEX "postmortems_tags_idx" ON "postmortems" USING gin ("tags");