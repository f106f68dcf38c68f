#!/usr/bin/env python3
"""Writes a bench seed: the demo org of the default seed plus N active earn instances of the doc's
badge 653ddb33b3cda7078c7c68e9 for customer 62090013, with earnedBadgeIds 1..N as 24 hex digits
(the ids revoke.lua asks for). Usage: make_seed.py N OUT.json"""
import json
import sys

n, out = int(sys.argv[1]), sys.argv[2]
claims = [{"ownerType": "Loyalty", "referenceId": "123694"}]
seed = {"orgs": [{
    "orgId": 100737,
    "tills": [{"username": "demo.till", "password": "demo-password"}],
    "oauthClients": [{"key": "demo-key", "secret": "demo-secret"}],
    "customers": [{"id": 62090013, "email": "tom.sawyer@example.com", "mobile": "919988776655",
                   "externalId": "ext-62090013", "cardNumbers": ["CARD62090013"]}],
    "badges": [{"badgeMetaId": "653ddb33b3cda7078c7c68e9", "validityDays": 365, "claims": claims}],
    "earnInstances": [{"earnedBadgeId": "654cbea06bccde1274b6d3a2",
                       "badgeMetaId": "653ddb33b3cda7078c7c68e9", "customerId": 62090013}],
}]}
with open(out, "w") as f:
    text = json.dumps(seed)
    head, tail = text.rsplit("]}]}", 1)
    f.write(head)
    for i in range(1, n + 1):
        f.write(',{"earnedBadgeId":"%024x","badgeMetaId":"653ddb33b3cda7078c7c68e9","customerId":62090013}' % i)
    f.write("]}]}" + tail)
