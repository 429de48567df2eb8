/** Running an incident: open (blank or from a template), update, publish, resolve, with conflicts shown. */
package io.sitrep.console.incident;
