package dev.revokeearn.gate;

/**
 * One way a request breaks the contract.
 *
 * @param reference the field (dotted path, e.g. {@code triggeredBy.ownerType}) or header at fault,
 *     or null when the fault is the body as a whole
 * @param message what was expected and what came, for a person to act on
 */
public record ContractViolation(String reference, String message) {}
