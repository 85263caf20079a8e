-- pg_trgm: trigram GIN index for Japanese text search of the 台帳 (trusted extension since PostgreSQL 13; PGlite loads it from its contrib build).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TABLE "annual_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"department_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"items" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"baseline" jsonb,
	"snapshot" jsonb,
	"diff" jsonb,
	"started_by_person_id" uuid,
	"submitted_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inventory_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"name" text NOT NULL,
	"data" jsonb NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"storage_media" text,
	"sensitive" boolean DEFAULT false NOT NULL,
	"my_number" boolean DEFAULT false NOT NULL,
	"retained_personal_data" boolean DEFAULT false NOT NULL,
	"entrusted" boolean DEFAULT false NOT NULL,
	"third_party_provision" boolean DEFAULT false NOT NULL,
	"overseas" boolean DEFAULT false NOT NULL,
	"processed_kind" text DEFAULT 'none' NOT NULL,
	"record_count" integer,
	"use_until_date" date,
	"retain_until_date" date,
	"disposed_at" date,
	"risk_status" text DEFAULT 'unanalysed' NOT NULL,
	"access_holder_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inventory_entry_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"entry_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"kind" text NOT NULL,
	"request_id" uuid,
	"import_id" uuid,
	"requested_by_person_id" uuid,
	"actor_person_id" uuid,
	"summary" text NOT NULL,
	"changes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"data" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inventory_import_mappings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"header_row" integer DEFAULT 1 NOT NULL,
	"mapping" jsonb NOT NULL,
	"created_by_person_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inventory_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"entry_id" uuid,
	"department_id" uuid NOT NULL,
	"proposed" jsonb NOT NULL,
	"reason" text NOT NULL,
	"notice_draft" text,
	"base_revision" integer,
	"review_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"requested_by_person_id" uuid NOT NULL,
	"requested_by_account_id" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_assessment_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"entry_id" uuid NOT NULL,
	"entry_revision" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"category" text NOT NULL,
	"description" text,
	"criteria_version" text NOT NULL,
	"typical_risks_version" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_by_person_id" uuid,
	"approved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_monitoring_logs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"record_id" uuid NOT NULL,
	"reviewed_on" date NOT NULL,
	"note" text NOT NULL,
	"next_monitoring_date" date,
	"by_person_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"phase" text NOT NULL,
	"threat" text NOT NULL,
	"risk" text NOT NULL,
	"owner_person_id" uuid,
	"likelihood" integer NOT NULL,
	"impact" integer NOT NULL,
	"score" integer NOT NULL,
	"criteria_version" text NOT NULL,
	"countermeasures" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"residual_description" text,
	"residual_measure" text,
	"residual_monitoring_date" date,
	"typical_risk_id" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "annual_reviews" ADD CONSTRAINT "annual_reviews_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_reviews" ADD CONSTRAINT "annual_reviews_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_reviews" ADD CONSTRAINT "annual_reviews_started_by_person_id_people_id_fk" FOREIGN KEY ("started_by_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_entries" ADD CONSTRAINT "inventory_entries_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_entries" ADD CONSTRAINT "inventory_entries_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_entry_history" ADD CONSTRAINT "inventory_entry_history_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_entry_history" ADD CONSTRAINT "inventory_entry_history_entry_id_inventory_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."inventory_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_entry_history" ADD CONSTRAINT "inventory_entry_history_request_id_inventory_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."inventory_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_entry_history" ADD CONSTRAINT "inventory_entry_history_requested_by_person_id_people_id_fk" FOREIGN KEY ("requested_by_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_entry_history" ADD CONSTRAINT "inventory_entry_history_actor_person_id_people_id_fk" FOREIGN KEY ("actor_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_import_mappings" ADD CONSTRAINT "inventory_import_mappings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_import_mappings" ADD CONSTRAINT "inventory_import_mappings_created_by_person_id_people_id_fk" FOREIGN KEY ("created_by_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_requests" ADD CONSTRAINT "inventory_requests_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_requests" ADD CONSTRAINT "inventory_requests_entry_id_inventory_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."inventory_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_requests" ADD CONSTRAINT "inventory_requests_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_requests" ADD CONSTRAINT "inventory_requests_requested_by_person_id_people_id_fk" FOREIGN KEY ("requested_by_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_requests" ADD CONSTRAINT "inventory_requests_requested_by_account_id_accounts_id_fk" FOREIGN KEY ("requested_by_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessment_entries" ADD CONSTRAINT "risk_assessment_entries_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessment_entries" ADD CONSTRAINT "risk_assessment_entries_assessment_id_risk_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."risk_assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessment_entries" ADD CONSTRAINT "risk_assessment_entries_entry_id_inventory_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."inventory_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessments" ADD CONSTRAINT "risk_assessments_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessments" ADD CONSTRAINT "risk_assessments_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessments" ADD CONSTRAINT "risk_assessments_created_by_person_id_people_id_fk" FOREIGN KEY ("created_by_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_monitoring_logs" ADD CONSTRAINT "risk_monitoring_logs_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_monitoring_logs" ADD CONSTRAINT "risk_monitoring_logs_record_id_risk_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."risk_records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_monitoring_logs" ADD CONSTRAINT "risk_monitoring_logs_by_person_id_people_id_fk" FOREIGN KEY ("by_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_records" ADD CONSTRAINT "risk_records_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_records" ADD CONSTRAINT "risk_records_assessment_id_risk_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."risk_assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_records" ADD CONSTRAINT "risk_records_owner_person_id_people_id_fk" FOREIGN KEY ("owner_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "annual_reviews_uq" ON "annual_reviews" USING btree ("organization_id","subject","department_id","year");--> statement-breakpoint
CREATE INDEX "annual_reviews_org_year_idx" ON "annual_reviews" USING btree ("organization_id","year");--> statement-breakpoint
CREATE INDEX "inventory_entries_org_name_idx" ON "inventory_entries" USING btree ("organization_id","name","id");--> statement-breakpoint
CREATE INDEX "inventory_entries_org_dept_name_idx" ON "inventory_entries" USING btree ("organization_id","department_id","name","id");--> statement-breakpoint
CREATE INDEX "inventory_entries_org_updated_idx" ON "inventory_entries" USING btree ("organization_id","updated_at");--> statement-breakpoint
CREATE INDEX "inventory_entries_org_risk_idx" ON "inventory_entries" USING btree ("organization_id","risk_status");--> statement-breakpoint
CREATE INDEX "inventory_entries_org_use_until_idx" ON "inventory_entries" USING btree ("organization_id","use_until_date");--> statement-breakpoint
CREATE INDEX "inventory_entries_org_retain_until_idx" ON "inventory_entries" USING btree ("organization_id","retain_until_date");--> statement-breakpoint
CREATE INDEX "inventory_entries_search_trgm_idx" ON "inventory_entries" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "inventory_entry_history_entry_idx" ON "inventory_entry_history" USING btree ("organization_id","entry_id","revision");--> statement-breakpoint
CREATE UNIQUE INDEX "inventory_import_mappings_name_uq" ON "inventory_import_mappings" USING btree ("organization_id","name");--> statement-breakpoint
CREATE INDEX "inventory_requests_org_status_idx" ON "inventory_requests" USING btree ("organization_id","status");--> statement-breakpoint
CREATE INDEX "inventory_requests_org_entry_idx" ON "inventory_requests" USING btree ("organization_id","entry_id");--> statement-breakpoint
CREATE INDEX "inventory_requests_requester_idx" ON "inventory_requests" USING btree ("organization_id","requested_by_person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "risk_assessment_entries_uq" ON "risk_assessment_entries" USING btree ("assessment_id","entry_id");--> statement-breakpoint
CREATE INDEX "risk_assessment_entries_entry_idx" ON "risk_assessment_entries" USING btree ("organization_id","entry_id");--> statement-breakpoint
CREATE INDEX "risk_assessments_org_dept_idx" ON "risk_assessments" USING btree ("organization_id","department_id","status");--> statement-breakpoint
CREATE INDEX "risk_monitoring_logs_record_idx" ON "risk_monitoring_logs" USING btree ("organization_id","record_id");--> statement-breakpoint
CREATE INDEX "risk_records_assessment_idx" ON "risk_records" USING btree ("organization_id","assessment_id","sort_order");--> statement-breakpoint
CREATE INDEX "risk_records_monitoring_idx" ON "risk_records" USING btree ("organization_id","residual_monitoring_date");