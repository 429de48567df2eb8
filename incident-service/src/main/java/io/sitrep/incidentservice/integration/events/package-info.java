/** PagerDuty Events API v2-shaped events: trigger, acknowledge and resolve incidents by dedup key. */
package io.sitrep.incidentservice.integration.events;
