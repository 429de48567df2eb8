/** The overall status: one indicator and a description, as a status page headline shows it. */
package io.sitrep.timeline.status.web;
