CREATE TABLE "contractors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"department_id" uuid,
	"name" text NOT NULL,
	"corporate_number" text,
	"address" text,
	"privacy_mark_status" text DEFAULT 'unknown' NOT NULL,
	"privacy_mark_expires_on" date,
	"isms_status" text DEFAULT 'unknown' NOT NULL,
	"isms_expires_on" date,
	"contact_name" text,
	"contact_phone" text,
	"contact_email" text,
	"entrusted_work" text NOT NULL,
	"entry_ids" uuid[] DEFAULT '{}' NOT NULL,
	"contract_starts_on" date,
	"contract_ends_on" date,
	"specific_personal_info" boolean DEFAULT false NOT NULL,
	"contract_clauses" text[] DEFAULT '{}' NOT NULL,
	"contract_text" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contractors" ADD CONSTRAINT "contractors_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contractors" ADD CONSTRAINT "contractors_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contractors_org_name_idx" ON "contractors" USING btree ("organization_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "contractors_corporate_number_uq" ON "contractors" USING btree ("organization_id","corporate_number");