#!/usr/bin/env python3
"""Opens N CyberArk sessions that stay OobPending (approval after 2.7 h) and prints 'SessionId MechanismId' lines."""
import http.client
import json
import sys

host, port, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
connection = http.client.HTTPConnection(host, port, timeout=10)
headers = {"Content-Type": "application/json"}


def post(path, body):
    connection.request("POST", path, json.dumps(body), headers)
    return json.loads(connection.getresponse().read())


for i in range(count):
    started = post("/CDirectoryService/StartAuthentication", {"TenantId": "ABC1234", "User": f"load.t9999999.bench{i}@idv.test"})
    data = started["Result"]["ReturnData"]
    sid = data["SessionId"]
    password = data["Challenges"][0]["Mechanisms"][0]["MechanismId"]
    push = data["Challenges"][1]["Mechanisms"][0]["MechanismId"]
    send = "/CDirectoryService/SendIdentityVerification"
    post(send, {"Action": "Answer", "Answer": "Stub-Passw0rd!", "MechanismId": password, "SessionId": sid, "TenantId": "ABC1234"})
    pending = post(send, {"Action": "StartOOB", "MechanismId": push, "SessionId": sid, "TenantId": "ABC1234"})
    assert pending["Result"]["Summary"] == "OobPending", pending
    print(sid, push)
