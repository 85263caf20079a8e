-- The composite filter index of 0005 (inventory_entries_org_filter_idx) serves the risk-status and 期限 filters: fewer indexes for every query to plan with and every write to maintain.
DROP INDEX "inventory_entries_org_risk_idx";--> statement-breakpoint
DROP INDEX "inventory_entries_org_use_until_idx";--> statement-breakpoint
DROP INDEX "inventory_entries_org_retain_until_idx";