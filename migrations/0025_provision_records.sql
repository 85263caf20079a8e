CREATE TABLE "provision_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"basis" text NOT NULL,
	"form" text NOT NULL,
	"recorded_on" date NOT NULL,
	"provided_on" date,
	"last_provided_on" date,
	"counterparty_kind" text NOT NULL,
	"counterparty_name" text,
	"counterparty_address" text,
	"counterparty_representative" text,
	"subject_enc" text,
	"data_items" text,
	"consent_obtained" boolean DEFAULT false NOT NULL,
	"acquisition_history" text,
	"ppc_published" boolean DEFAULT false NOT NULL,
	"overseas" boolean DEFAULT false NOT NULL,
	"overseas_basis" text,
	"overseas_country" text,
	"overseas_info" text,
	"exemption_ground" text,
	"note" text,
	"retain_until" date,
	"disposal_due_on" date,
	"retention_rules_version" text,
	"disposed_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "provision_records" ADD CONSTRAINT "provision_records_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "provision_records_org_kind_idx" ON "provision_records" USING btree ("organization_id","kind","recorded_on");--> statement-breakpoint
CREATE INDEX "provision_records_org_disposal_idx" ON "provision_records" USING btree ("organization_id","disposal_due_on");