/** HTTP concerns shared by every endpoint: problem responses, body limits, idempotency keys and ETags. */
package io.sitrep.incidentservice.web;
