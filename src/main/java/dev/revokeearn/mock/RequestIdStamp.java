package dev.revokeearn.mock;

import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.revokeearn.api.RequestIds;
import dev.revokeearn.wiremock.api.Answers;

/**
 * Gives every stub response, users' static stubs included, Capillary's {@code X-CAP-REQUEST-ID} (32
 * lowercase hex) unless the stub set one; and keeps WireMock's own {@code Matched-Stub-*} headers
 * off the reference implementation's answers, which Capillary would not send.
 */
final class RequestIdStamp implements ResponseTransformerV2 {
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
                .containsKey(Answers.MARKER);
    HttpHeaders headers = response.getHeaders();
    boolean stamped = headers.getHeader(RequestIds.HEADER).isPresent();
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
      kept = kept.plus(new HttpHeader(RequestIds.HEADER, RequestIds.next()));
    }
    return Response.Builder.like(response).but().headers(kept).build();
  }
}
