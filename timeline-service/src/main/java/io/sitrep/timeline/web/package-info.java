/** HTTP concerns shared by every endpoint: RFC 9457 problem responses, query parameter parsing, the API description. */
package io.sitrep.timeline.web;
