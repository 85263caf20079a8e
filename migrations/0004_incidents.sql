CREATE TABLE "incident_duties" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"incident_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"label" text NOT NULL,
	"recipient" text NOT NULL,
	"basis" text NOT NULL,
	"reason" text NOT NULL,
	"timing" text NOT NULL,
	"due_on" date,
	"target_from" date,
	"target_to" date,
	"triggers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"rules_version" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"done_on" date,
	"done_by_person_id" uuid,
	"reference_number" text,
	"note" text,
	"added_at" timestamp with time zone NOT NULL,
	"removed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incident_enquiries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"incident_id" uuid NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"channel" text NOT NULL,
	"enquirer_kind" text NOT NULL,
	"enquirer_name_enc" text,
	"enquirer_contact_enc" text,
	"content_enc" text NOT NULL,
	"response_enc" text,
	"responded_at" timestamp with time zone,
	"handled_by_person_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incident_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"incident_id" uuid NOT NULL,
	"held_at" timestamp with time zone NOT NULL,
	"place" text,
	"attendees" text NOT NULL,
	"minutes_enc" text NOT NULL,
	"decisions_enc" text,
	"created_by_person_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incident_timeline" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"incident_id" uuid NOT NULL,
	"phase" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"action_enc" text NOT NULL,
	"actor_name" text,
	"created_by_person_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incidents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"number" text NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'reported' NOT NULL,
	"phase" text DEFAULT 'discovery' NOT NULL,
	"department_id" uuid,
	"discovered_at" timestamp with time zone NOT NULL,
	"known_on" date NOT NULL,
	"reported_at" timestamp with time zone NOT NULL,
	"reported_by_person_id" uuid NOT NULL,
	"reported_by_account_id" uuid,
	"report_summary_enc" text NOT NULL,
	"facts" jsonb NOT NULL,
	"rules_version" text NOT NULL,
	"evaluation" jsonb NOT NULL,
	"is_incident" boolean NOT NULL,
	"facts_revision" integer DEFAULT 1 NOT NULL,
	"facts_updated_at" timestamp with time zone NOT NULL,
	"affected_records" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"narrative_enc" text,
	"details_enc" text,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "corrective_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"number" text NOT NULL,
	"source_type" text NOT NULL,
	"source_id" uuid,
	"source_ref" text,
	"department_id" uuid NOT NULL,
	"title" text NOT NULL,
	"content" text NOT NULL,
	"correction" text,
	"root_cause" text,
	"similar_cases" text,
	"plan" text,
	"due_on" date,
	"implementation" text,
	"implemented_on" date,
	"effectiveness_review" text,
	"effective" boolean,
	"effectiveness_reviewed_on" date,
	"effectiveness_reviewed_by_person_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"reported_by_person_id" uuid NOT NULL,
	"reported_by_account_id" uuid,
	"reported_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "incident_duties" ADD CONSTRAINT "incident_duties_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_duties" ADD CONSTRAINT "incident_duties_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_duties" ADD CONSTRAINT "incident_duties_done_by_person_id_people_id_fk" FOREIGN KEY ("done_by_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_enquiries" ADD CONSTRAINT "incident_enquiries_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_enquiries" ADD CONSTRAINT "incident_enquiries_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_enquiries" ADD CONSTRAINT "incident_enquiries_handled_by_person_id_people_id_fk" FOREIGN KEY ("handled_by_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_meetings" ADD CONSTRAINT "incident_meetings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_meetings" ADD CONSTRAINT "incident_meetings_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_meetings" ADD CONSTRAINT "incident_meetings_created_by_person_id_people_id_fk" FOREIGN KEY ("created_by_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_timeline" ADD CONSTRAINT "incident_timeline_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_timeline" ADD CONSTRAINT "incident_timeline_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_timeline" ADD CONSTRAINT "incident_timeline_created_by_person_id_people_id_fk" FOREIGN KEY ("created_by_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_reported_by_person_id_people_id_fk" FOREIGN KEY ("reported_by_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_reported_by_account_id_accounts_id_fk" FOREIGN KEY ("reported_by_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrective_actions" ADD CONSTRAINT "corrective_actions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrective_actions" ADD CONSTRAINT "corrective_actions_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrective_actions" ADD CONSTRAINT "corrective_actions_effectiveness_reviewed_by_person_id_people_id_fk" FOREIGN KEY ("effectiveness_reviewed_by_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrective_actions" ADD CONSTRAINT "corrective_actions_reported_by_person_id_people_id_fk" FOREIGN KEY ("reported_by_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrective_actions" ADD CONSTRAINT "corrective_actions_reported_by_account_id_accounts_id_fk" FOREIGN KEY ("reported_by_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "incident_duties_kind_uq" ON "incident_duties" USING btree ("organization_id","incident_id","kind");--> statement-breakpoint
CREATE INDEX "incident_duties_open_idx" ON "incident_duties" USING btree ("organization_id","status","due_on");--> statement-breakpoint
CREATE INDEX "incident_enquiries_incident_idx" ON "incident_enquiries" USING btree ("organization_id","incident_id","received_at");--> statement-breakpoint
CREATE INDEX "incident_meetings_incident_idx" ON "incident_meetings" USING btree ("organization_id","incident_id","held_at");--> statement-breakpoint
CREATE INDEX "incident_timeline_incident_idx" ON "incident_timeline" USING btree ("organization_id","incident_id","occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "incidents_number_uq" ON "incidents" USING btree ("organization_id","number");--> statement-breakpoint
CREATE INDEX "incidents_org_status_idx" ON "incidents" USING btree ("organization_id","status","known_on");--> statement-breakpoint
CREATE UNIQUE INDEX "corrective_actions_number_uq" ON "corrective_actions" USING btree ("organization_id","number");--> statement-breakpoint
CREATE INDEX "corrective_actions_org_status_idx" ON "corrective_actions" USING btree ("organization_id","status","due_on");--> statement-breakpoint
CREATE UNIQUE INDEX "corrective_actions_incident_uq" ON "corrective_actions" USING btree ("organization_id","source_id") WHERE source_type = 'incident';