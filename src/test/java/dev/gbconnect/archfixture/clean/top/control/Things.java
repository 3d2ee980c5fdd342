package dev.gbconnect.archfixture.clean.top.control;

import dev.gbconnect.archfixture.clean.base.entity.Thing;

public class Things {
    public Thing named(String name) {
        return new Thing(name);
    }
}
