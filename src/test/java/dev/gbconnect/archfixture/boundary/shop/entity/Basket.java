package dev.gbconnect.archfixture.boundary.shop.entity;

import dev.gbconnect.archfixture.boundary.shop.control.Checkout;

/** Deliberately wrong: an entity using control code. */
public class Basket {
    Checkout checkout;
}
