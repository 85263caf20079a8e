ALTER TABLE "notice_templates" ADD COLUMN "kind" text DEFAULT 'acquisition' NOT NULL;--> statement-breakpoint
ALTER TABLE "notice_templates" ADD COLUMN "related_party" text;--> statement-breakpoint
ALTER TABLE "provision_records" ADD COLUMN "overseas_measures" text;