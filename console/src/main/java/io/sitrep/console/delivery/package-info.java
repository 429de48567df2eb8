/** The deliveries screen: failing endpoints and dead letters for everyone; re-driving dead letters after a dry-run count (responders). */
package io.sitrep.console.delivery;
