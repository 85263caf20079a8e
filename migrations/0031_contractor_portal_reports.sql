CREATE TABLE "contractor_portal_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"counterparty_organization_id" uuid NOT NULL,
	"link_id" uuid NOT NULL,
	"number" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"details_enc" text NOT NULL,
	"reported_by_name" text NOT NULL,
	"reported_by_account_id" uuid,
	"reported_at" timestamp with time zone NOT NULL,
	"incident_id" uuid,
	"subcontract_request_id" uuid,
	"confirmed_at" timestamp with time zone,
	"confirmed_by_person_id" uuid,
	"confirm_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contractor_portal_reports" ADD CONSTRAINT "contractor_portal_reports_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contractor_portal_reports" ADD CONSTRAINT "contractor_portal_reports_counterparty_organization_id_organizations_id_fk" FOREIGN KEY ("counterparty_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contractor_portal_reports" ADD CONSTRAINT "contractor_portal_reports_link_id_contractor_portal_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."contractor_portal_links"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "contractor_portal_reports_number_uq" ON "contractor_portal_reports" USING btree ("organization_id","number");--> statement-breakpoint
CREATE INDEX "contractor_portal_reports_link_idx" ON "contractor_portal_reports" USING btree ("organization_id","link_id");--> statement-breakpoint
CREATE INDEX "contractor_portal_reports_counterparty_idx" ON "contractor_portal_reports" USING btree ("counterparty_organization_id","created_at");