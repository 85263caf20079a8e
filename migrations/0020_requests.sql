CREATE TABLE "request_corrections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"asked_on" date NOT NULL,
	"what_enc" text NOT NULL,
	"completed_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"number" text NOT NULL,
	"received_on" date NOT NULL,
	"channel" text NOT NULL,
	"portal_reference" text,
	"kind" text NOT NULL,
	"requester_name_enc" text NOT NULL,
	"requester_address_enc" text,
	"requester_contact_enc" text,
	"agent_kind" text DEFAULT 'none' NOT NULL,
	"agent_name_enc" text,
	"content_enc" text NOT NULL,
	"identity_check" jsonb,
	"status" text DEFAULT 'received' NOT NULL,
	"extended" boolean DEFAULT false NOT NULL,
	"special_provision" boolean DEFAULT false NOT NULL,
	"deadline" jsonb,
	"due_on" date,
	"decision_scope" text,
	"decision_ground_codes" text[] DEFAULT '{}' NOT NULL,
	"decision_note_enc" text,
	"reply_method" text,
	"replied_on" date,
	"fee_yen" integer,
	"cause_and_action_enc" text,
	"corrective_action_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "request_corrections" ADD CONSTRAINT "request_corrections_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_corrections" ADD CONSTRAINT "request_corrections_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "request_corrections_request_idx" ON "request_corrections" USING btree ("organization_id","request_id");--> statement-breakpoint
CREATE UNIQUE INDEX "requests_number_uq" ON "requests" USING btree ("organization_id","number");--> statement-breakpoint
CREATE INDEX "requests_org_status_due_idx" ON "requests" USING btree ("organization_id","status","due_on");