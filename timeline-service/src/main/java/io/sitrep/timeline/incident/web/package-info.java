/** The incident read API: lists with cursor pagination, one incident with its timeline, as of now or of a past moment. */
package io.sitrep.timeline.incident.web;
