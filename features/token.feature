Feature: OAuth clients buy access tokens with their key and secret
  POST /v3/oauth/token/generate needs no credentials; the token it answers travels in
  X-CAP-API-OAUTH-TOKEN until its ttlSeconds have passed.

  Scenario: A client's key and secret buy a token
    When the client asks for an OAuth token with its key and secret
    Then the answer is 200 with a token

  @assumption
  Scenario: A bad client key or secret gets no token
    When the client asks for an OAuth token with a wrong secret
    Then the answer is error 320001 "Invalid client key and secret" with HTTP status 401

  @assumption
  Scenario: A token request without a secret is a 400 naming secret
    When the client asks for an OAuth token without a secret
    Then the answer is error 400 with HTTP status 400
    And the error's reference is "secret"
