-- 台帳の取込 on the one import pipeline (issue #12): the column mappings saved by name move onto
-- the platform's 取込の記憶 (import_memory, register 'inventory', scope 'column'): each saved
-- heading → field becomes a remembered choice, offered by itself in the next import. The key is
-- the heading folded as normalizeLabel folds it (NFKC, no whitespace, * or ※, lower case). A
-- heading already remembered keeps its (later) choice; of several saved mappings naming one
-- heading, the most recently updated wins.
INSERT INTO "import_memory" ("organization_id", "register", "scope", "written", "key", "target", "updated_by_person_id", "created_at", "updated_at")
SELECT DISTINCT ON (m."organization_id", lower(regexp_replace(normalize(e.value, NFKC), '[[:space:]*※]', '', 'g')))
  m."organization_id", 'inventory', 'column', e.value, lower(regexp_replace(normalize(e.value, NFKC), '[[:space:]*※]', '', 'g')), e.key, m."created_by_person_id", m."created_at", m."updated_at"
FROM "inventory_import_mappings" m, jsonb_each_text(m."mapping") e
WHERE lower(regexp_replace(normalize(e.value, NFKC), '[[:space:]*※]', '', 'g')) <> ''
ORDER BY m."organization_id", lower(regexp_replace(normalize(e.value, NFKC), '[[:space:]*※]', '', 'g')), m."updated_at" DESC
ON CONFLICT ("organization_id", "register", "scope", "key") DO NOTHING;--> statement-breakpoint
DROP TABLE "inventory_import_mappings" CASCADE;
