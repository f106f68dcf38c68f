Feature: Anything but an active earn instance of this badge and customer is error 814
  Error 814 "Active earn instance is not present." comes with HTTP 409, data null, warnings null and
  reference null. A second revoke of the same earn instance gets it, and so does a revoke that names
  an earn instance that does not exist, or another badge, or another customer.

  Background:
    Given the customer has earned the badge
    And the client authenticates with the till's Basic credentials

  Scenario: Revoking the same earn instance twice
    When the client revokes the earn instance naming the customer by "customer id"
    And the client revokes the earn instance naming the customer by "customer id"
    Then the answer is error 814 "Active earn instance is not present." with HTTP status 409

  Scenario: Revoking an earn instance that does not exist
    When the client revokes an earn instance that does not exist
    Then the answer is error 814 "Active earn instance is not present." with HTTP status 409

  Scenario: Revoking the earn instance under a badge it does not belong to
    When the client revokes the earn instance under another badge
    Then the answer is error 814 "Active earn instance is not present." with HTTP status 409
    And the earn instance can still be revoked by its owner

  Scenario: Revoking the earn instance for a customer it does not belong to
    When the client revokes the earn instance naming another customer
    Then the answer is error 814 "Active earn instance is not present." with HTTP status 409
    And the earn instance can still be revoked by its owner

  @assumption
  Scenario Outline: Revoking for a customer no <identifier> names
    When the client revokes the earn instance naming by "<identifier>" a customer that does not exist
    Then the answer is error 814 "Active earn instance is not present." with HTTP status 409
    And the earn instance can still be revoked by its owner

    Examples:
      | identifier |
      | email      |
      | mobile     |
      | externalId |
      | cardNumber |
