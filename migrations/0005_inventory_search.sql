CREATE INDEX "inventory_entries_org_filter_idx" ON "inventory_entries" USING btree ("organization_id","status","department_id","risk_status","storage_media","sensitive","my_number","retained_personal_data","entrusted","third_party_provision","overseas","processed_kind","disposed_at","use_until_date","retain_until_date");--> statement-breakpoint
-- 台帳の日本語検索: row-level security applies the tenant policy as a security barrier, so a
-- non-leakproof qual such as LIKE / ILIKE may not be used as an index condition below it and a search
-- of 100,000 entries became a sequential scan (500 ms). This function runs as the owner (no RLS),
-- lets the pg_trgm index serve the match (combined with the department and status indexes, the
-- query planned with the actual values), and stays inside one tenant on its own: inside a tenant
-- transaction (app.organization_id set, as in every request of the app) it answers for that
-- organization only; the owner outside any tenant (maintenance, the bench) may name one. Callers
-- use it only as `id IN (…)` of a query that RLS and an explicit organization filter already scope.
-- The column and the pattern are both folded (NFKC, lower case) by the app, so a plain LIKE does
-- what ILIKE would, at half the cost of rechecking each candidate row.
CREATE OR REPLACE FUNCTION mamori_inventory_search(p_organization_id uuid, p_pattern text, p_department_id uuid DEFAULT NULL, p_status text DEFAULT NULL) RETURNS SETOF uuid
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public ROWS 200 AS $$
DECLARE
  v_current text := nullif(current_setting('app.organization_id', true), '');
BEGIN
  IF v_current IS NOT NULL AND p_organization_id <> v_current::uuid THEN
    RETURN;
  END IF;
  RETURN QUERY EXECUTE
    'SELECT id FROM inventory_entries WHERE organization_id = $1 AND search_text LIKE $2'
    || CASE WHEN p_department_id IS NULL THEN '' ELSE ' AND department_id = $3' END
    || CASE WHEN p_status IS NULL THEN '' ELSE ' AND status = $4' END
    USING p_organization_id, p_pattern, p_department_id, p_status;
END $$;
