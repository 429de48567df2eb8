/** The maintenance read API: windows listed by upcoming, active or completed with cursor pagination, and one window with its updates, now or as of a past moment. */
package io.sitrep.timeline.maintenance.web;
