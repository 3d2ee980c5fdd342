package dev.gbconnect.archfixture.boundary.shop.control;

import dev.gbconnect.archfixture.boundary.shop.boundary.ShopResource;

/** Deliberately wrong: control code using its boundary. */
public class Checkout {
    public String path() {
        return ShopResource.path() + "/checkout";
    }
}
