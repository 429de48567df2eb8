/** Subscriptions in PostgreSQL, with their secrets encrypted. */
package io.sitrep.notification.subscription.persistence;
