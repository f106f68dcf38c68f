Feature: Only authenticated callers with access to badges may revoke
  Basic credentials carry the MD5 hash of the till password; an OAuth token from
  /v3/oauth/token/generate travels in X-CAP-API-OAUTH-TOKEN and expires.

  Background:
    Given the customer has earned the badge

  @assumption
  Scenario Outline: No credentials on <operation>
    Given the client sends no credentials
    When the client calls <operation> for the earn instance
    Then the answer is error 401 "Authentication failed. Please check username and password." with HTTP status 401
    And the earn instance can still be revoked by its owner

    Examples:
      | operation  |
      | revokeEarn |
      | earn       |

  @assumption
  Scenario: A wrong password
    Given the client authenticates with a wrong password
    When the client revokes the earn instance naming the customer by "customer id"
    Then the answer is error 401 "Authentication failed. Please check username and password." with HTTP status 401

  @assumption
  Scenario: A till that does not exist
    Given the client authenticates as a till that does not exist
    When the client revokes the earn instance naming the customer by "customer id"
    Then the answer is error 401 "Authentication failed. Please check username and password." with HTTP status 401

  @assumption
  Scenario: The password sent as it is, not hashed with MD5
    Given the client authenticates with the till's password unhashed
    When the client revokes the earn instance naming the customer by "customer id"
    Then the answer is error 401 "Authentication failed. Please check username and password." with HTTP status 401

  @assumption
  Scenario: A token that was never issued
    Given the client sends the OAuth token "not-a-real-token"
    When the client revokes the earn instance naming the customer by "customer id"
    Then the answer is error 401 "Authentication failed. Please check username and password." with HTTP status 401

  @assumption
  Scenario: A well-formed token that was never issued
    Given the client sends a well-formed token that was never issued
    When the client revokes the earn instance naming the customer by "customer id"
    Then the answer is error 401 "Authentication failed. Please check username and password." with HTTP status 401

  @mock-only
  Scenario Outline: An expired OAuth token on <operation>
    Given the client authenticates with an OAuth token
    When the token's lifetime has passed
    And the client calls <operation> for the earn instance
    Then the answer is error 498 with HTTP status 401
    And the error message starts with "Token expired at "

    Examples:
      | operation  |
      | revokeEarn |
      | earn       |

  @mock-only
  Scenario Outline: Valid credentials without access to badges on <operation>
    Given the client authenticates as a till without access to badges
    When the client calls <operation> for the earn instance
    Then the answer is error 4000 "Not authorized. Access is denied!" with HTTP status 403

    Examples:
      | operation  |
      | revokeEarn |
      | earn       |
