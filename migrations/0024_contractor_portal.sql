CREATE TABLE "contractor_portal_exchanges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"counterparty_organization_id" uuid NOT NULL,
	"link_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"requested_by_person_id" uuid,
	"answers" jsonb,
	"answered_by_name" text,
	"answered_at" timestamp with time zone,
	"review_note" text,
	"reviewed_at" timestamp with time zone,
	"reviewed_by_person_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contractor_portal_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"contractor_id" uuid NOT NULL,
	"counterparty_organization_id" uuid,
	"invited_email_enc" text NOT NULL,
	"invitation_token_hash" text NOT NULL,
	"invitation_expires_at" timestamp with time zone NOT NULL,
	"invited_by_person_id" uuid,
	"accepted_at" timestamp with time zone,
	"status" text DEFAULT 'invited' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contractor_portal_exchanges" ADD CONSTRAINT "contractor_portal_exchanges_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contractor_portal_exchanges" ADD CONSTRAINT "contractor_portal_exchanges_counterparty_organization_id_organizations_id_fk" FOREIGN KEY ("counterparty_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contractor_portal_exchanges" ADD CONSTRAINT "contractor_portal_exchanges_link_id_contractor_portal_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."contractor_portal_links"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contractor_portal_links" ADD CONSTRAINT "contractor_portal_links_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contractor_portal_links" ADD CONSTRAINT "contractor_portal_links_counterparty_organization_id_organizations_id_fk" FOREIGN KEY ("counterparty_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contractor_portal_exchanges_org_idx" ON "contractor_portal_exchanges" USING btree ("organization_id","status","due_on");--> statement-breakpoint
CREATE INDEX "contractor_portal_exchanges_counterparty_idx" ON "contractor_portal_exchanges" USING btree ("counterparty_organization_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "contractor_portal_links_token_uq" ON "contractor_portal_links" USING btree ("invitation_token_hash");--> statement-breakpoint
CREATE INDEX "contractor_portal_links_contractor_idx" ON "contractor_portal_links" USING btree ("organization_id","contractor_id");