@mock-only
Feature: Capillary's failures, injected, leave the state a retry must meet
  A consumer's revoke client has to handle what production does when it fails: a revoke that was
  applied while its answer was lost, so that the retry gets 814; a 503 that a retry gets past; a 429
  that says when to come back. The mock injects each as a declared fault (the admin API, the JUnit
  extension or the seed file); every injected answer must still pass the contract.

  Background:
    Given the customer has earned the badge
    And the client authenticates with the till's Basic credentials

  Scenario: A revoke applied while its answer was lost, retried, gets 814
    Given the next revoke of the earn instance is applied and its answer lost
    When the client revokes the earn instance and the connection ends without an answer
    And the client revokes the earn instance naming the customer by "customer id"
    Then the answer is error 814 "Active earn instance is not present." with HTTP status 409

  Scenario: A 503, then a successful retry
    Given the next revoke of the earn instance fails with HTTP 503
    When the client revokes the earn instance naming the customer by "customer id"
    Then the answer is error 4001 "authorization service unavailable" with HTTP status 503
    When the client revokes the earn instance naming the customer by "customer id"
    Then the answer is 200 with the success envelope

  Scenario: A 429 says when to try again
    Given the next revoke of the earn instance is refused with HTTP 429 and Retry-After 2
    When the client revokes the earn instance naming the customer by "customer id"
    Then the answer is error 429 "Too many requests" with HTTP status 429
    And the answer's Retry-After header is 2
    When the client revokes the earn instance naming the customer by "customer id"
    Then the answer is 200 with the success envelope
