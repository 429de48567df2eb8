/** A real Kafka broker and a real PostgreSQL for integration tests, and small clients to drive them. */
package io.sitrep.testsupport;
