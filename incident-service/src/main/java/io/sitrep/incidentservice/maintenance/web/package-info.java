/** The REST adapter for maintenance windows: schedule, read, list, change, post updates, start, complete, cancel. */
package io.sitrep.incidentservice.maintenance.web;
