-- A CDS Hooks card's full-report link names its record by this random token (not by the record
-- id, which audit listings show); the web page fetches the recorded call with it.
ALTER TABLE audit_record ADD COLUMN report_token VARCHAR(64);
CREATE UNIQUE INDEX audit_record_report ON audit_record (report_token);
