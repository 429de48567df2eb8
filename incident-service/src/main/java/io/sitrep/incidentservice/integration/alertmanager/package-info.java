/** Alertmanager's webhook (version 4): alert groups open, update and resolve incidents. */
package io.sitrep.incidentservice.integration.alertmanager;
