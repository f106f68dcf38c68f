package dev.revokeearn.auth;

/** An OAuth access token and how long it lives. */
public record IssuedToken(String accessToken, int ttlSeconds) {}
