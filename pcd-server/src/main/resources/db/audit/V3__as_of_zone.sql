-- as_of now holds the date every call was assessed as of (a REST call without ?as-of used to leave it
-- empty). as_of_zone names the zone whose date was "today" when the call named no date (the
-- server's configured zone); it is empty when the request or the case file gave the date.
ALTER TABLE audit_record ADD COLUMN as_of_zone VARCHAR(64);
