/** The consumer of sitrep.incident-events: each event is recorded as seen, with one delivery per matching subscription, in one transaction. */
package io.sitrep.notification.intake;
