/** timeline-service: consumes the incident events into read models and serves them to dashboards and the public. */
package io.sitrep.timeline;
