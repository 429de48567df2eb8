/** Webhooks: the allowed targets (server-side request forgery), Standard Webhooks signatures, and the HTTP sender. */
package io.sitrep.notification.webhook;
