/** The templates screens: the templates incidents may be opened from, creating and editing one. */
package io.sitrep.console.template;
