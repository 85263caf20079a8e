CREATE TABLE "contractor_portal_criteria_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"counterparty_organization_id" uuid NOT NULL,
	"link_id" uuid NOT NULL,
	"criteria_version" text NOT NULL,
	"version_no" integer NOT NULL,
	"name" text NOT NULL,
	"items" jsonb NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contractor_portal_criteria_notices" ADD CONSTRAINT "contractor_portal_criteria_notices_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contractor_portal_criteria_notices" ADD CONSTRAINT "contractor_portal_criteria_notices_counterparty_organization_id_organizations_id_fk" FOREIGN KEY ("counterparty_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contractor_portal_criteria_notices" ADD CONSTRAINT "contractor_portal_criteria_notices_link_id_contractor_portal_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."contractor_portal_links"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "contractor_portal_criteria_notices_link_version_uq" ON "contractor_portal_criteria_notices" USING btree ("link_id","criteria_version");--> statement-breakpoint
CREATE INDEX "contractor_portal_criteria_notices_counterparty_idx" ON "contractor_portal_criteria_notices" USING btree ("counterparty_organization_id","published_at");