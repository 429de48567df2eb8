/** Read-only queries for operators across subscriptions and deliveries: finding a subscriber, failing endpoints, dead letters. */
package io.sitrep.notification.subscription.oversight;
