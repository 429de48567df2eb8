/** How events travel: CloudEvents 1.0 binary mode on Kafka with JSON data. */
package io.sitrep.events.wire;
