/** The transactional outbox: events stored with the state that caused them, and the relay that publishes them to Kafka. */
package io.sitrep.support.outbox;
