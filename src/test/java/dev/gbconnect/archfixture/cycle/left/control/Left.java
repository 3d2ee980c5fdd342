package dev.gbconnect.archfixture.cycle.left.control;

import dev.gbconnect.archfixture.cycle.right.control.Right;

/** Half of a deliberate cycle between the components {@code left} and {@code right}. */
public class Left {
    Right right;
}
