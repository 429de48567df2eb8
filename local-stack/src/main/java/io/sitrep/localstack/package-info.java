/** Runs all of Sitrep on one machine: broker, database, SMTP sink and the three services. */
package io.sitrep.localstack;
