Feature: A request that breaks the contract is a 400 naming what is wrong
  One error per problem, code 400, the field in reference, and nothing is revoked.

  Background:
    Given the customer has earned the badge
    And the client authenticates with the till's Basic credentials

  @assumption
  Scenario Outline: A required field is missing: <field>
    When the client sends a revoke request without "<field>"
    Then the answer is error 400 with HTTP status 400
    And the error's reference is "<field>"
    And the earn instance can still be revoked by its owner

    Examples:
      | field         |
      | badgeMetaId   |
      | customerId    |
      | earnedBadgeId |

  @assumption
  Scenario Outline: A field of the wrong type: <field> = <value>
    When the client sends a revoke request with "<field>" set to <value>
    Then the answer is error 400 with HTTP status 400
    And the error's reference is "<field>"

    Examples:
      | field         | value                        |
      | badgeMetaId   | 12345                        |
      | badgeMetaId   | "not-an-object-id"           |
      | customerId    | true                         |
      | customerId    | {"id": 1}                    |
      | earnedBadgeId | ["654cbea06bccde1274b6d3a2"] |
      | earnedBadgeId | null                         |

  @assumption
  Scenario: Malformed JSON
    When the client sends a revoke request with the body '{"badgeMetaId": "653ddb33b3cda7078c7c68e9",'
    Then the answer is error 400 with HTTP status 400
    And the error message starts with "Request body is not valid JSON"

  @assumption
  Scenario: An empty body
    When the client sends a revoke request with the body ''
    Then the answer is error 400 with HTTP status 400

  @assumption
  Scenario Outline: A body over 64 KiB on <operation> is refused with 413
    When the client sends <operation> a body of 70000 bytes
    Then the answer is error 413 with HTTP status 413

    Examples:
      | operation  |
      | revokeEarn |
      | earn       |
      | token      |
