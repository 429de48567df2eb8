/** Subscription use cases, one transaction each: create, delete, rotate a secret, confirm and unsubscribe. */
package io.sitrep.notification.subscription.application;
