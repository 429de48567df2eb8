/** Subscription use cases, one transaction each: create, delete, rotate a secret, confirm, unsubscribe, import subscribers. */
package io.sitrep.notification.subscription.application;
