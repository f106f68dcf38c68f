package dev.revokeearn.mock.direct;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.jetty.DefaultMultipartRequestConfigurer;
import com.github.tomakehurst.wiremock.jetty.JettyHttpUtils;
import com.github.tomakehurst.wiremock.jetty11.Jetty11HttpUtils;
import com.github.tomakehurst.wiremock.servlet.MultipartRequestConfigurer;
import com.github.tomakehurst.wiremock.servlet.WireMockHttpServletRequestAdapter;
import com.github.tomakehurst.wiremock.store.StubMappingStore;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Iterator;

/**
 * Whether one of the user's stubs could answer a request, decided by WireMock's own request
 * matching on the request as WireMock's servlet would see it. A stub whose request pattern matches
 * counts whatever its scenario's state: WireMock then decides, as it would have. A request no stub
 * matches is the reference implementation's on either route, so the direct route may serve it: one
 * unrelated stub no longer sends every request down WireMock's full route.
 */
final class UserStubs {
  private static final JettyHttpUtils JETTY = new Jetty11HttpUtils();
  private static final MultipartRequestConfigurer MULTIPART =
      new DefaultMultipartRequestConfigurer();

  private final StubMappingStore store;

  UserStubs(StubMappingStore store) {
    this.store = store;
  }

  boolean mayAnswer(HttpServletRequest request) {
    Iterator<StubMapping> stubs = store.getAll().iterator();
    if (!stubs.hasNext()) {
      return false;
    }
    // The servlet context is at the root, so no URL prefix; the mock proxies no browser.
    Request seen = new WireMockHttpServletRequestAdapter(request, MULTIPART, null, false, JETTY);
    while (stubs.hasNext()) {
      if (stubs.next().getRequest().match(seen).isExactMatch()) {
        return true;
      }
    }
    return false;
  }
}
