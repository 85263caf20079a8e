CREATE TABLE "subcontract_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"contractor_id" uuid NOT NULL,
	"sub_contractor_id" uuid NOT NULL,
	"work" text NOT NULL,
	"entry_ids" uuid[] DEFAULT '{}' NOT NULL,
	"safety_measures" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"reason" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"approved_on" date,
	"filed_by_person_id" uuid,
	"filed_by_portal_account_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subcontract_supervisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"contractor_id" uuid NOT NULL,
	"supervised_on" date NOT NULL,
	"method" text NOT NULL,
	"findings" text,
	"supervisor" text NOT NULL,
	"recorded_by_person_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contractors" ADD COLUMN "parent_contractor_id" uuid;--> statement-breakpoint
ALTER TABLE "contractors" ADD COLUMN "subcontracting_clause" text DEFAULT 'prohibit' NOT NULL;--> statement-breakpoint
ALTER TABLE "subcontract_requests" ADD CONSTRAINT "subcontract_requests_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subcontract_requests" ADD CONSTRAINT "subcontract_requests_contractor_id_contractors_id_fk" FOREIGN KEY ("contractor_id") REFERENCES "public"."contractors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subcontract_requests" ADD CONSTRAINT "subcontract_requests_sub_contractor_id_contractors_id_fk" FOREIGN KEY ("sub_contractor_id") REFERENCES "public"."contractors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subcontract_supervisions" ADD CONSTRAINT "subcontract_supervisions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subcontract_supervisions" ADD CONSTRAINT "subcontract_supervisions_contractor_id_contractors_id_fk" FOREIGN KEY ("contractor_id") REFERENCES "public"."contractors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "subcontract_requests_contractor_idx" ON "subcontract_requests" USING btree ("organization_id","contractor_id");--> statement-breakpoint
CREATE INDEX "subcontract_requests_sub_idx" ON "subcontract_requests" USING btree ("organization_id","sub_contractor_id");--> statement-breakpoint
CREATE INDEX "subcontract_supervisions_contractor_idx" ON "subcontract_supervisions" USING btree ("organization_id","contractor_id");--> statement-breakpoint
ALTER TABLE "contractors" ADD CONSTRAINT "contractors_parent_contractor_id_contractors_id_fk" FOREIGN KEY ("parent_contractor_id") REFERENCES "public"."contractors"("id") ON DELETE no action ON UPDATE no action;