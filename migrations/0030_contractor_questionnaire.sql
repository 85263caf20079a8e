CREATE TABLE "contractor_portal_profile_shares" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"counterparty_organization_id" uuid NOT NULL,
	"link_id" uuid NOT NULL,
	"sections" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"shared_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "contractor_portal_profiles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"questionnaire_answers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"certificates" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"security_measures" text,
	"updated_by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contractor_portal_exchanges" ADD COLUMN "criteria" jsonb;--> statement-breakpoint
ALTER TABLE "contractor_portal_exchanges" ADD COLUMN "questionnaire_answers" jsonb;--> statement-breakpoint
ALTER TABLE "contractor_portal_exchanges" ADD COLUMN "files" jsonb;--> statement-breakpoint
ALTER TABLE "contractor_portal_profile_shares" ADD CONSTRAINT "contractor_portal_profile_shares_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contractor_portal_profile_shares" ADD CONSTRAINT "contractor_portal_profile_shares_counterparty_organization_id_organizations_id_fk" FOREIGN KEY ("counterparty_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contractor_portal_profile_shares" ADD CONSTRAINT "contractor_portal_profile_shares_link_id_contractor_portal_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."contractor_portal_links"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contractor_portal_profiles" ADD CONSTRAINT "contractor_portal_profiles_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "contractor_portal_profile_shares_link_uq" ON "contractor_portal_profile_shares" USING btree ("organization_id","link_id");--> statement-breakpoint
CREATE UNIQUE INDEX "contractor_portal_profiles_org_uq" ON "contractor_portal_profiles" USING btree ("organization_id");