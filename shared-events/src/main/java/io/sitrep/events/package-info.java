/** The events Sitrep services exchange over Kafka: records, their stable wire names and snapshots. */
package io.sitrep.events;
