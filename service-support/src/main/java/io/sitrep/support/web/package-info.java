/** RFC 9457 problems, request body limits and strict JSON for every service's API. */
package io.sitrep.support.web;
