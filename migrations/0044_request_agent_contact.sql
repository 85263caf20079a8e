ALTER TABLE "requests" ADD COLUMN "agent_address_enc" text;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "agent_contact_enc" text;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "reply_to" text DEFAULT 'principal' NOT NULL;