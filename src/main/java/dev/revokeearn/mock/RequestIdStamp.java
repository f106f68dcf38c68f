package dev.revokeearn.mock;

import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Gives every stub response, users' static stubs included, Capillary's {@code X-CAP-REQUEST-ID} (32
 * lowercase hex) unless the stub set one.
 */
final class RequestIdStamp implements ResponseTransformerV2 {
  static final String HEADER = "X-CAP-REQUEST-ID";

  @Override
  public String getName() {
    return "revoke-earn-request-id";
  }

  @Override
  public boolean applyGlobally() {
    return true;
  }

  @Override
  public Response transform(Response response, ServeEvent serveEvent) {
    if (response.getHeaders().getHeader(HEADER).isPresent()) {
      return response;
    }
    return Response.Builder.like(response)
        .but()
        .headers(response.getHeaders().plus(new HttpHeader(HEADER, newRequestId())))
        .build();
  }

  static String newRequestId() {
    byte[] id = new byte[16];
    ThreadLocalRandom.current().nextBytes(id);
    return HexFormat.of().formatHex(id);
  }
}
