ALTER TABLE "incident_duties" ADD COLUMN "authority" text DEFAULT 'law' NOT NULL;--> statement-breakpoint
-- Duties saved before: what sets each, read from its kind and its stored basis (statute first, as the engine merges).
UPDATE "incident_duties" SET "authority" = CASE
  WHEN "basis" LIKE '%個人情報保護法第%' OR "basis" LIKE '%番号法第%' THEN 'law'
  WHEN "kind" IN ('jipdec_preliminary', 'jipdec_final') OR "basis" LIKE '%PA01%' THEN 'standard'
  WHEN "basis" LIKE '%特記事項%' OR "basis" LIKE '%指定管理者%' THEN 'contract'
  WHEN "basis" LIKE '%ガイドライン%' OR "basis" LIKE '%指針%' THEN 'guidance'
  ELSE 'law'
END;
