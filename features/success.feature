Feature: Revoking an active earned badge answers with the success envelope
  A customer's active earn instance can be revoked. The answer names the badge, the customer by
  the numeric id (whatever identifier the request used) and the earn instance, and says it is no
  longer active; errors and warnings are empty.

  Background:
    Given the customer has earned the badge
    And the client authenticates with the till's Basic credentials

  Scenario: Revoke naming the customer by the numeric customer id
    When the client revokes the earn instance naming the customer by "customer id"
    Then the answer is 200 with the success envelope

  Scenario Outline: Revoke naming the customer by <identifier>
    When the client revokes the earn instance naming the customer by "<identifier>"
    Then the answer is 200 with the success envelope

    Examples:
      | identifier |
      | email      |
      | mobile     |
      | externalId |
      | cardNumber |

  Scenario: Revoke with an OAuth token instead of Basic credentials
    Given the client authenticates with an OAuth token
    When the client revokes the earn instance naming the customer by "customer id"
    Then the answer is 200 with the success envelope
