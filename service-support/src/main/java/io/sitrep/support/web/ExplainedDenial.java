package io.sitrep.support.web;

/** An authorization decision that says why it refused, in words fit for the problem's detail. */
public interface ExplainedDenial {

    String detail();
}
