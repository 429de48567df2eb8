/** The responders' console: a browser client of Sitrep's own REST APIs, acting for the person signed in. */
package io.sitrep.console;
