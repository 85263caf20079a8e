ALTER TABLE "provision_records" ADD COLUMN "overseas_system_method" text;--> statement-breakpoint
ALTER TABLE "provision_records" ADD COLUMN "overseas_equivalent_measures" text;--> statement-breakpoint
ALTER TABLE "provision_records" ADD COLUMN "overseas_foreign_system" text;--> statement-breakpoint
ALTER TABLE "provision_records" ADD COLUMN "overseas_obstacle" boolean;--> statement-breakpoint
ALTER TABLE "provision_records" ADD COLUMN "overseas_obstacle_summary" text;--> statement-breakpoint
ALTER TABLE "provision_records" ADD COLUMN "overseas_obstacle_action" text;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "decision_withheld_items" text[] DEFAULT '{}' NOT NULL;