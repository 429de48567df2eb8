package io.sitrep.cyclefixture.left;

import io.sitrep.cyclefixture.right.Right;

/** Half of a deliberate package cycle, for the test that the cycle rule finds one. */
public class Left {

    public Right right() {
        return new Right();
    }
}
