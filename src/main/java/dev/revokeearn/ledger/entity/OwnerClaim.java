package dev.revokeearn.ledger.entity;

/** A module's claim on a badge: only a claiming owner may trigger an earn. */
public record OwnerClaim(String ownerType, String referenceId) {}
