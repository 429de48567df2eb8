/** The live stream: Server-Sent Events of every applied event, resumable with Last-Event-ID, fanned out without ever blocking the consumer. */
package io.sitrep.timeline.stream;
