/**
 * Population screening over a FHIR Bulk Data export (NDJSON, optionally gzip-compressed): resources
 * are grouped by patient with bounded memory, each patient goes through the FHIR door, the engine
 * and the pack's screening rules, and the findings are written atomically. The same per-patient
 * function runs embedded (a streaming single-process runner) or on Apache Spark.
 */
package org.pcdguide.bulk;
