/** The one template engine of the service (HTML-escaped or plain text), and the pages its email links open. */
package io.sitrep.notification.template;
