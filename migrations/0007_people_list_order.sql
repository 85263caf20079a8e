DROP INDEX "people_org_dept_idx";--> statement-breakpoint
CREATE INDEX "people_org_kana_idx" ON "people" USING btree ("organization_id","name_kana","name","id","left_on");--> statement-breakpoint
CREATE INDEX "people_org_dept_idx" ON "people" USING btree ("organization_id","department_id","name_kana","name","id","left_on");