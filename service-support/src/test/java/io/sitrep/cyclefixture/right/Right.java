package io.sitrep.cyclefixture.right;

import io.sitrep.cyclefixture.left.Left;

/** The other half of the deliberate package cycle. */
public class Right {

    public Left left() {
        return new Left();
    }
}
