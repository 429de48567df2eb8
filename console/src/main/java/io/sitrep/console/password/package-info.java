/** A local account changes its password; the first admin must, before anything else. */
package io.sitrep.console.password;
