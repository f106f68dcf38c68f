package dev.revokeearn.wiremock.api;

import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.revokeearn.api.ApiCall;
import dev.revokeearn.api.Operation;
import dev.revokeearn.api.RequestIds;
import dev.revokeearn.service.Answer;
import dev.revokeearn.service.CapillaryErrors;
import java.util.Optional;

/**
 * What the {@value Routes#TRANSFORMER} transformer does: a stub mapping that names it (those in
 * {@code mappings/}) is answered by the reference implementation, for the operation its {@code
 * transformerParameters.operation} names.
 */
public final class ApiTransformer {
  private final ReferenceApi api;

  public ApiTransformer(ReferenceApi api) {
    this.api = api;
  }

  public ResponseDefinition transform(ServeEvent serveEvent) {
    ApiCall call = WireMockCalls.of(serveEvent.getRequest());
    String charset = ApiCall.unknownCharset(call.header("Content-Type"));
    if (charset != null) {
      return Answers.definition(
          Answer.of(CapillaryErrors.unknownCharset(charset)), RequestIds.next());
    }
    Optional<Operation> operation =
        Optional.ofNullable(serveEvent.getTransformerParameters())
            .map(parameters -> parameters.getString(Routes.OPERATION, null))
            .flatMap(Operation::named);
    Answer answer = api.answer(call, operation);
    api.record(call, operation, answer);
    return Answers.definition(answer, RequestIds.next());
  }
}
