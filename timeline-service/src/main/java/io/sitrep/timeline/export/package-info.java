/** Writes every public snapshot out as static files, to a directory and to an S3-compatible bucket, retried until it lands. */
package io.sitrep.timeline.export;
