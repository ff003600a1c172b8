/**
 * The application service: one path from an input (a case file, a FHIR Bundle or prefetched FHIR
 * resources) through the right door, the as-of date (given, else today by the injected clock), the
 * engine and a renderer to the report and what the audit log records about it. The command line,
 * the server and audit replay all go through it, so they agree on "today" and on the door.
 */
package org.pcdguide.app;
