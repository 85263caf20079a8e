CREATE TABLE "portal_consent_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"consent_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "portal_settings" ADD COLUMN "consent_notice_ids" uuid[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "request_corrections" ADD COLUMN "answer_enc" text;--> statement-breakpoint
ALTER TABLE "portal_consent_links" ADD CONSTRAINT "portal_consent_links_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "portal_consent_links_token_uq" ON "portal_consent_links" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "portal_consent_links_consent_idx" ON "portal_consent_links" USING btree ("organization_id","consent_id");