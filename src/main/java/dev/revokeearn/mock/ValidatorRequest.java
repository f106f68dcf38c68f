package dev.revokeearn.mock;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.github.tomakehurst.wiremock.common.Urls;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Translates a WireMock request into swagger-request-validator's model at the edge, so the rooms
 * beneath never see a WireMock type. The body is kept as a string, which can be read many times
 * (the validator's own WireMock adapter wraps it in a stream that reads once).
 */
final class ValidatorRequest {
  private ValidatorRequest() {}

  static Request of(com.github.tomakehurst.wiremock.http.Request request) {
    URI uri = URI.create(request.getUrl());
    SimpleRequest.Builder builder =
        new SimpleRequest.Builder(request.getMethod().getName(), uri.getRawPath());
    byte[] body = request.getBody();
    if (body != null && body.length > 0) {
      builder.withBody(new String(body, StandardCharsets.UTF_8));
    }
    for (HttpHeader header : request.getHeaders().all()) {
      builder.withHeader(header.key(), header.values());
    }
    Urls.splitQuery(uri).forEach((name, values) -> builder.withQueryParam(name, values.values()));
    return builder.build();
  }
}
