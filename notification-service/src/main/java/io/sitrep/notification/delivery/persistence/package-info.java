/** Deliveries and their attempts in PostgreSQL: claiming due rows under a lease, recording outcomes, re-driving dead letters. */
package io.sitrep.notification.delivery.persistence;
