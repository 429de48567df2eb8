/** Deliveries: their states, the retry schedule and how an attempt's result is judged; plain Java, no Spring. */
package io.sitrep.notification.delivery;
