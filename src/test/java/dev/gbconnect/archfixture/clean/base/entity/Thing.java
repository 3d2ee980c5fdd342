package dev.gbconnect.archfixture.clean.base.entity;

public record Thing(String name) {}
