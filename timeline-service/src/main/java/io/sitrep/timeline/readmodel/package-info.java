/** The read models as plain Java: incidents with their timelines, maintenance windows with theirs, components, uptime and the overall status; no Spring. */
package io.sitrep.timeline.readmodel;
