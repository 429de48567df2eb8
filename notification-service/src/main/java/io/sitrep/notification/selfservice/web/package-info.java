/** The public subscription endpoint: JSON and HTML forms, one answer whatever became of the request. */
package io.sitrep.notification.selfservice.web;
