package io.sitrep.console.live;

/** The console holds as many browser connections as it may; the browser tries again later. */
class TooManyBrowsers extends RuntimeException {

    TooManyBrowsers() {
        super("The console takes no more live connections now; try again shortly.");
    }
}
