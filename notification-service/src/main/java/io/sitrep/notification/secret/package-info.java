/** Webhook signing secrets and chat webhook URLs at rest: encrypted with a key from the environment, never stored or logged in clear. */
package io.sitrep.notification.secret;
