/** Who may call what: reads are public unless configured otherwise; the admin API needs the admin key. */
package io.sitrep.timeline.security;
