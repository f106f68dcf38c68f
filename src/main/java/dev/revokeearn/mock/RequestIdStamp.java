package dev.revokeearn.mock;

import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Gives every stub response, users' static stubs included, Capillary's {@code X-CAP-REQUEST-ID} (32
 * lowercase hex) unless the stub set one; and keeps WireMock's own {@code Matched-Stub-*} headers
 * off the reference implementation's answers, which Capillary would not send.
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
    boolean ours =
        serveEvent.getResponseDefinition().getTransformerParameters() != null
            && serveEvent
                .getResponseDefinition()
                .getTransformerParameters()
                .containsKey(ApiRouter.MARKER);
    HttpHeaders headers = response.getHeaders();
    boolean stamped = headers.getHeader(HEADER).isPresent();
    if (stamped && !ours) {
      return response;
    }
    HttpHeaders kept = new HttpHeaders();
    for (HttpHeader header : headers.all()) {
      if (!(ours && header.key().startsWith("Matched-Stub-"))) {
        kept = kept.plus(header);
      }
    }
    if (!stamped) {
      kept = kept.plus(new HttpHeader(HEADER, newRequestId()));
    }
    return Response.Builder.like(response).but().headers(kept).build();
  }

  static String newRequestId() {
    byte[] id = new byte[16];
    ThreadLocalRandom.current().nextBytes(id);
    return HexFormat.of().formatHex(id);
  }
}
