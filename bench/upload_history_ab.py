#!/usr/bin/env python3
"""What the upload history (issue 19) costs an upload: two servers side by side, one the build under test, one the
same build without the history write, sent the same small upload in alternating rounds over keep-alive HTTP, so a
crowded machine's drift falls on both alike. docs/performance.md has the command and the figures.

usage: upload_history_ab.py URL_WITH_HISTORY URL_WITHOUT CLIENT_ID CLIENT_SECRET FILE [ROUNDS] [PER_ROUND]
"""
import base64
import http.client
import json
import statistics
import sys
import time
import urllib.parse
import uuid


class Server:
    def __init__(self, url, client, secret):
        parts = urllib.parse.urlsplit(url)
        self.address = (parts.hostname, parts.port)
        self.http = http.client.HTTPConnection(*self.address, timeout=120)
        basic = base64.b64encode(f"{client}:{secret}".encode()).decode()
        token = self.send("POST", "/oauth/token", "grant_type=client_credentials",
                          {"Authorization": "Basic " + basic, "Content-Type": "application/x-www-form-urlencoded"})
        self.auth = {"Authorization": "Bearer " + json.loads(token)["access_token"]}
        username = "history-ab-" + uuid.uuid4().hex[:8]
        created = self.send("POST", "/admin/customers",
                            json.dumps({"username": username, "password": "pass-" + username}),
                            {**self.auth, "Content-Type": "application/json"})
        self.upload_path = f"/espi/1_1/resource/Batch/RetailCustomer/{json.loads(created)['id']}/UsagePoint"

    def send(self, method, path, body, headers, expect=(200, 201)):
        try:
            self.http.request(method, path, body=body, headers=headers)
            answer = self.http.getresponse()
        except (ConnectionError, http.client.RemoteDisconnected):
            # the server closed the idle keep-alive connection: a new one, and the request again
            self.http.close()
            self.http = http.client.HTTPConnection(*self.address, timeout=120)
            self.http.request(method, path, body=body, headers=headers)
            answer = self.http.getresponse()
        data = answer.read()
        if answer.status not in expect:
            sys.exit(f"{method} {path}: {answer.status} {data[:300]!r}")
        return data

    def upload(self, xml):
        started = time.perf_counter()
        self.send("POST", self.upload_path, xml, {**self.auth, "Content-Type": "application/atom+xml"})
        return (time.perf_counter() - started) * 1000


def main():
    with_history, without, client, secret, file = sys.argv[1:6]
    rounds = int(sys.argv[6]) if len(sys.argv) > 6 else 20
    per_round = int(sys.argv[7]) if len(sys.argv) > 7 else 25
    xml = open(file, "rb").read()
    servers = {"with history": Server(with_history, client, secret), "without": Server(without, client, secret)}
    for server in servers.values():  # the first upload stores the file; every timed one finds it stored
        for _ in range(5):
            server.upload(xml)
    times = {name: [] for name in servers}
    round_medians = {name: [] for name in servers}
    for r in range(rounds):
        # ABBA: each server goes first in half the rounds
        order = list(servers) if r % 2 == 0 else list(reversed(servers))
        for name in order:
            took = [servers[name].upload(xml) for _ in range(per_round)]
            times[name] += took
            round_medians[name].append(statistics.median(took))
    for name, t in times.items():
        q = statistics.quantiles(t, n=10)
        print(f"{name:13} uploads {len(t):5}  median {statistics.median(t):7.2f} ms  p10 {q[0]:7.2f}  p90 {q[-1]:7.2f}")
    diffs = [a - b for a, b in zip(*round_medians.values())]
    print(f"paired round medians, with minus without: median {statistics.median(diffs):+.2f} ms, "
          f"from {min(diffs):+.2f} to {max(diffs):+.2f} ms over {rounds} rounds")


if __name__ == "__main__":
    main()
