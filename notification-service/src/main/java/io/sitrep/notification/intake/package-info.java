/** The consumer of sitrep.incident-events: each event is recorded as seen, with one delivery per matching subscription, a page of subscriptions per transaction. */
package io.sitrep.notification.intake;
