/** On-call integrations: alerts from Alertmanager and PagerDuty-style events, translated into incident commands. */
package io.sitrep.incidentservice.integration;
