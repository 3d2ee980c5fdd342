package dev.gbconnect.archfixture.cycle.right.control;

import dev.gbconnect.archfixture.cycle.left.control.Left;

/** Half of a deliberate cycle between the components {@code left} and {@code right}. */
public class Right {
    Left left;
}
