/** Subscriptions: who is notified of which incidents, through which channel; plain Java, no Spring. */
package io.sitrep.notification.subscription;
