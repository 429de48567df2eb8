/** The subscriptions REST API, and the public confirmation and unsubscribe links of emails. */
package io.sitrep.notification.subscription.web;
