package dev.revokeearn.faults;

/** A fault as declared: for which org's requests of which operation, when, and what it does. */
public record FaultSpec(
    long orgId, FaultOperation operation, FaultMatch match, FaultTrigger trigger, Fault fault) {}
