/** The deliveries REST API: a subscription's deliveries with their attempts, and re-driving dead letters. */
package io.sitrep.notification.delivery.web;
