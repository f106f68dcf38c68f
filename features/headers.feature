Feature: Request headers
  X-CAP-CUSTOMER-IDENTIFIER says what kind of value customerId holds; the body is JSON.
  (Each valid identifier value is shown in success.feature.)

  Background:
    Given the customer has earned the badge
    And the client authenticates with the till's Basic credentials

  @assumption
  Scenario: An identifier value outside email, mobile, externalId and cardNumber
    When the client revokes the earn instance with X-CAP-CUSTOMER-IDENTIFIER "phone"
    Then the answer is error 400 with HTTP status 400
    And the error's reference is "X-CAP-CUSTOMER-IDENTIFIER"

  @assumption
  Scenario: No Content-Type
    When the client revokes the earn instance without a Content-Type
    Then the answer is error 400 with HTTP status 400
    And the error's reference is "Content-Type"

  Scenario: Every answer carries Capillary's request id
    When the client revokes the earn instance naming the customer by "customer id"
    Then the answer carries an X-CAP-REQUEST-ID of 32 lowercase hex characters

  Scenario: Request ids are not repeated
    When the client revokes the earn instance naming the customer by "customer id"
    And the client revokes the earn instance naming the customer by "customer id"
    Then every answer carried a request id of its own
