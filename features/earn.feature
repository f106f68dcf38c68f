Feature: Earning a badge creates one active earn instance per request id
  The neighbour of revokeEarn: how an earn instance comes to exist. A live badge of earn type EARN,
  claimed by the triggering owner, is earned once per requestId; the documented errors say why not.

  Background:
    Given the client authenticates with the till's Basic credentials

  Scenario: Earning a live, claimed badge answers the new earn instance
    When the client earns the badge with a new request id
    Then the answer is 200 with the earned badge

  Scenario: The same request id twice is error 809
    When the client earns the badge with a new request id
    And the client earns the badge again with the same request id
    Then the answer is error 809 "Request with same requestId is not allowed" with HTTP status 400

  @assumption
  Scenario Outline: An earn without <field> is error <code>
    When the client earns the badge without "<field>"
    Then the answer is error <code> "<message>" with HTTP status 400

    Examples:
      | field                 | code | message                           |
      | requestId             | 804  | RequestId information is missing  |
      | customerId            | 812  | CustomerId information is missing |
      | triggeredBy.ownerType | 716  | Owner type information is missing |

  @assumption
  Scenario: An earn event date in the future is error 750
    When the client earns the badge with an earn event date a day from now
    Then the answer is error 750 "Earn event date should not be in future" with HTTP status 400

  Scenario: A badge that does not exist is a 404
    When the client earns a badge that does not exist
    Then the answer is error 404 "Passed badge is not found" with HTTP status 404

  Scenario: An owner without a claim on the badge is error 810
    When the client earns the badge as an owner without a claim
    Then the answer is error 810 "BadgeMeta needs to be claimed first" with HTTP status 409

  @assumption
  Scenario: A customer that does not exist is a 400 naming customerId
    When the client earns the badge for a customer that does not exist
    Then the answer is error 400 with HTTP status 400
    And the error's reference is "customerId"

  @mock-only
  Scenario: A badge that is not live is error 815
    When the client earns a badge that is not live
    Then the answer is error 815 "Badge is not live" with HTTP status 409

  @mock-only
  Scenario: A badge that must be issued first is error 811
    When the client earns a badge that must be issued first
    Then the answer is error 811 "Badge issue is mandatory before earn" with HTTP status 409
