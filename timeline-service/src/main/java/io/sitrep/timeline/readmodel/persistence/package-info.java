/** The read models in PostgreSQL: applying events with their version check, and answering queries. */
package io.sitrep.timeline.readmodel.persistence;
