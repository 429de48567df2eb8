/** What every screen shares: the signed-in person, the CSRF token, API problems by field. */
package io.sitrep.console.web;
