/** What every Sitrep service's HTTP API shares. */
package io.sitrep.support;
