/** The components screens: the components by group with their status, defining and editing one, setting its status. */
package io.sitrep.console.component;
