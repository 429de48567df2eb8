/** notification-service: subscriptions, signed webhooks and email for incident events, with durable retries, dead letters and re-drive. */
package io.sitrep.notification;
