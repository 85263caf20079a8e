ALTER TABLE "provision_records" ALTER COLUMN "retain_until" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "provision_records" ALTER COLUMN "disposal_due_on" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "provision_records" ALTER COLUMN "retention_rules_version" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "provision_records" ADD COLUMN "overseas" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "provision_records" ADD COLUMN "overseas_basis" text;--> statement-breakpoint
ALTER TABLE "provision_records" ADD COLUMN "overseas_country" text;--> statement-breakpoint
ALTER TABLE "provision_records" ADD COLUMN "overseas_info" text;--> statement-breakpoint
ALTER TABLE "provision_records" ADD COLUMN "exemption_ground" text;