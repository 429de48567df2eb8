/** Delivery use cases: recording each attempt's outcome, re-driving dead letters, and the delivery events they cause. */
package io.sitrep.notification.delivery.application;
