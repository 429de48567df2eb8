/** Subscriptions from the status page without a key: email and webhook, double opt-in, abuse limits by client and address. */
package io.sitrep.notification.selfservice;
