package dev.revokeearn.mockstate;

/** A fresh org's id and the credentials that reach it (the only place its secrets are seen). */
public record CreatedOrg(long orgId, String username, String password, String key, String secret) {}
