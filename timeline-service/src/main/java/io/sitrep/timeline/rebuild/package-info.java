/** Rebuilding every read model from the Kafka log into a new generation while the current one serves, then switching atomically. */
package io.sitrep.timeline.rebuild;
