/** The dispatcher: claims due deliveries from PostgreSQL and sends them, isolated per endpoint and host. */
package io.sitrep.notification.delivery.dispatch;
