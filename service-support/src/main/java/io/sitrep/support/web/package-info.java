/** RFC 9457 problems, request body limits, strict JSON and the client address behind trusted proxies, for every service's API. */
package io.sitrep.support.web;
