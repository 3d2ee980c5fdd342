package dev.gbconnect.archfixture.clean.top.boundary;

import dev.gbconnect.archfixture.clean.top.control.Things;

public class ThingsResource {
    private final Things things = new Things();

    public String get(String name) {
        return things.named(name).name();
    }
}
