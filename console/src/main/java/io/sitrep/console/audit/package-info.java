/** The audit: who did what through incident-service, filterable by person and time, paged (admins only). */
package io.sitrep.console.audit;
