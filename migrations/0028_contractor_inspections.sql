CREATE TABLE "contractor_inspection_findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"inspection_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"severity" text NOT NULL,
	"description" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contractor_inspections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"contractor_id" uuid NOT NULL,
	"inspected_on" date NOT NULL,
	"inspectors" text NOT NULL,
	"scope" text NOT NULL,
	"method" text NOT NULL,
	"result" text NOT NULL,
	"recorded_by_person_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contractor_inspection_findings" ADD CONSTRAINT "contractor_inspection_findings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contractor_inspection_findings" ADD CONSTRAINT "contractor_inspection_findings_inspection_id_contractor_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."contractor_inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contractor_inspections" ADD CONSTRAINT "contractor_inspections_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contractor_inspections" ADD CONSTRAINT "contractor_inspections_contractor_id_contractors_id_fk" FOREIGN KEY ("contractor_id") REFERENCES "public"."contractors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contractor_inspection_findings_inspection_idx" ON "contractor_inspection_findings" USING btree ("organization_id","inspection_id");--> statement-breakpoint
CREATE INDEX "contractor_inspections_contractor_idx" ON "contractor_inspections" USING btree ("organization_id","contractor_id","inspected_on");