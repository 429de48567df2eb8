/** Timestamps of an event's way through the services, written for the bench's per-step breakdown of the idle path. */
package io.sitrep.support.path;
