/** Email: double opt-in, signed confirmation and unsubscribe links, rendering and sending over SMTP. */
package io.sitrep.notification.email;
