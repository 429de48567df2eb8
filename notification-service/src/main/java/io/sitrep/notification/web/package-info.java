/** HTTP concerns shared by every endpoint: problem responses, strict JSON, body limits, the OpenAPI description. */
package io.sitrep.notification.web;
