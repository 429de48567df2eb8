/** Where a webhook or chat channel may point: the SSRF policy that checks a target's addresses before each connection. */
package io.sitrep.notification.target;
