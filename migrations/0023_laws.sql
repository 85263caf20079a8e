CREATE TABLE "laws" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"issuer" text,
	"number" text,
	"last_amended_on" date,
	"url" text,
	"application" text,
	"status" text DEFAULT 'active' NOT NULL,
	"identified_on" date,
	"note" text,
	"approved_at" timestamp with time zone,
	"approved_by_person_id" uuid,
	"last_reviewed_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "laws" ADD CONSTRAINT "laws_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "laws" ADD CONSTRAINT "laws_approved_by_person_id_people_id_fk" FOREIGN KEY ("approved_by_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "laws_org_name_idx" ON "laws" USING btree ("organization_id","name");