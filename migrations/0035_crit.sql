CREATE TABLE "contractor_criteria_sets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"version_no" integer NOT NULL,
	"version" text NOT NULL,
	"name" text NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"items" jsonb NOT NULL,
	"based_on" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"approved_at" timestamp with time zone,
	"created_by_person_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contractor_criteria_sets" ADD CONSTRAINT "contractor_criteria_sets_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "contractor_criteria_sets_no_uq" ON "contractor_criteria_sets" USING btree ("organization_id","version_no");--> statement-breakpoint
CREATE UNIQUE INDEX "contractor_criteria_sets_version_uq" ON "contractor_criteria_sets" USING btree ("organization_id","version");--> statement-breakpoint
CREATE INDEX "contractor_criteria_sets_status_idx" ON "contractor_criteria_sets" USING btree ("organization_id","status");