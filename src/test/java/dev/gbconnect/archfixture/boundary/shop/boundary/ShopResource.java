package dev.gbconnect.archfixture.boundary.shop.boundary;

public class ShopResource {
    public static String path() {
        return "shop";
    }
}
