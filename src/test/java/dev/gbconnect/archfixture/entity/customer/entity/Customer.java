package dev.gbconnect.archfixture.entity.customer.entity;

public record Customer(String id) {}
