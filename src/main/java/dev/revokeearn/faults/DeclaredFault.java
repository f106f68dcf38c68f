package dev.revokeearn.faults;

/**
 * A fault a store holds, with its counts.
 *
 * @param seen how many requests it has matched
 * @param fired how many of them it fired for
 */
public record DeclaredFault(long id, FaultSpec spec, long seen, long fired) {}
