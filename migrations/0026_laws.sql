CREATE TABLE "law_review_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"review_id" uuid NOT NULL,
	"law_id" uuid NOT NULL,
	"outcome" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "law_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"completed_on" date,
	"completed_by_person_id" uuid,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
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
ALTER TABLE "law_review_items" ADD CONSTRAINT "law_review_items_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "law_review_items" ADD CONSTRAINT "law_review_items_review_id_law_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."law_reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "law_review_items" ADD CONSTRAINT "law_review_items_law_id_laws_id_fk" FOREIGN KEY ("law_id") REFERENCES "public"."laws"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "law_reviews" ADD CONSTRAINT "law_reviews_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "law_reviews" ADD CONSTRAINT "law_reviews_completed_by_person_id_people_id_fk" FOREIGN KEY ("completed_by_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "laws" ADD CONSTRAINT "laws_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "laws" ADD CONSTRAINT "laws_approved_by_person_id_people_id_fk" FOREIGN KEY ("approved_by_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "law_review_items_review_law_uq" ON "law_review_items" USING btree ("review_id","law_id");--> statement-breakpoint
CREATE INDEX "law_review_items_org_idx" ON "law_review_items" USING btree ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "law_reviews_org_year_uq" ON "law_reviews" USING btree ("organization_id","year");--> statement-breakpoint
CREATE INDEX "laws_org_name_idx" ON "laws" USING btree ("organization_id","name");