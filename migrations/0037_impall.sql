ALTER TABLE "people" ADD COLUMN "note" text;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "import_extras" jsonb;--> statement-breakpoint
ALTER TABLE "contractors" ADD COLUMN "note" text;--> statement-breakpoint
ALTER TABLE "contractors" ADD COLUMN "import_extras" jsonb;--> statement-breakpoint
ALTER TABLE "laws" ADD COLUMN "import_extras" jsonb;