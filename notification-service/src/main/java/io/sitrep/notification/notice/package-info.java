/** What a notification says of an event, whatever carries it (chat channels, Statuspage-shaped webhooks), and the status page it names. */
package io.sitrep.notification.notice;
