-- 知った日 is `knownOn` in the stored incident facts, as on the record (docs/glossary.md); the
-- CLI `mamori rules incident-duties` keeps `knownAt` and maps it at its edge.
UPDATE "incidents" SET "facts" = ("facts" - 'knownAt') || jsonb_build_object('knownOn', "facts"->'knownAt') WHERE "facts" ? 'knownAt';
--> statement-breakpoint
-- A corrective action opened from an incident references it (source_id) and no longer copies
-- its 受付番号, 件名 or 原因 (issue #11 finding 6: personal data is referenced, not copied; the
-- incident's own visibility rules decide who reads them). Texts the app generated are replaced;
-- texts people wrote themselves are kept.
UPDATE "corrective_actions" SET
  "title" = CASE WHEN "source_ref" IS NOT NULL AND position("source_ref" || '「' in "title") = 1 AND "title" LIKE '%」の原因への是正処置' THEN '事故等の原因への是正処置' ELSE "title" END,
  "content" = CASE WHEN "source_ref" IS NOT NULL AND position('緊急事態・事故等 ' || "source_ref" || '「' in "content") = 1 THEN '緊急事態・事故等の原因となった不適合。原因と経過は事案の記録を参照してください（個人データを含むため是正処置には写しません）。' ELSE "content" END,
  "source_ref" = NULL
WHERE "source_type" = 'incident';
