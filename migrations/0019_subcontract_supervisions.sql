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
ALTER TABLE "subcontract_supervisions" ADD CONSTRAINT "subcontract_supervisions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subcontract_supervisions" ADD CONSTRAINT "subcontract_supervisions_contractor_id_contractors_id_fk" FOREIGN KEY ("contractor_id") REFERENCES "public"."contractors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "subcontract_supervisions_contractor_idx" ON "subcontract_supervisions" USING btree ("organization_id","contractor_id");