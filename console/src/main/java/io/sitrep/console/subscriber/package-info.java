/** The subscribers screen: counts per component and channel for everyone; finding and removing one subscriber (admins). */
package io.sitrep.console.subscriber;
