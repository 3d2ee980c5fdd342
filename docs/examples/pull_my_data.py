#!/usr/bin/env python3
"""Pull your own Green Button data from the data custodian with the password grant.

Standard library only. Keeps the rotating refresh token in a file (mode 600), so the password is needed once:

    GB_CLIENT_ID=... GB_CLIENT_SECRET=... GB_USERNAME=... GB_PASSWORD=... \
        python3 pull_my_data.py https://custodian.example.com 2026-01-01 2026-02-01 > january.xml   # [start, end) in UTC days

Later runs need only GB_CLIENT_ID and GB_CLIENT_SECRET: the refresh token in ~/.greenbutton-refresh is used and
replaced. If it has expired or was revoked, set GB_USERNAME and GB_PASSWORD again.
"""
import base64
import datetime
import json
import os
import sys
import urllib.error
import urllib.parse
import urllib.request

STATE = os.path.expanduser("~/.greenbutton-refresh")


def token_request(base, form):
    client = os.environ["GB_CLIENT_ID"], os.environ["GB_CLIENT_SECRET"]
    # RFC 6749 Appendix B: id and secret are form-url-encoded before Basic encoding.
    basic = base64.b64encode(":".join(urllib.parse.quote(p, safe="") for p in client).encode()).decode()
    request = urllib.request.Request(base + "/oauth/token", data=urllib.parse.urlencode(form).encode(),
                                     headers={"Authorization": "Basic " + basic})
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return json.load(answer)
    except urllib.error.HTTPError as e:
        error = json.load(e)
        if e.code == 429:
            sys.exit(f"too many failed sign-ins; retry after {e.headers.get('Retry-After')} seconds")
        raise SystemExit(f"token endpoint refused: {error.get('error')}: {error.get('error_description')}")


def tokens(base):
    if os.path.exists(STATE) and "GB_PASSWORD" not in os.environ:
        with open(STATE) as f:
            return token_request(base, {"grant_type": "refresh_token", "refresh_token": f.read().strip()})
    return token_request(base, {"grant_type": "password", "username": os.environ["GB_USERNAME"],
                                "password": os.environ["GB_PASSWORD"]})


def main(base, start, end):
    base = base.rstrip("/")
    t = tokens(base)
    # Refresh tokens rotate: the old one is dead now, so keep the new one before anything else can fail.
    fd = os.open(STATE, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(t["refresh_token"])
    # ESPI query parameters select IntervalBlocks by the time their readings cover (UTC days here).
    bounds = {"published-min": datetime.date.fromisoformat(start).isoformat() + "T00:00:00Z",
              "published-max": datetime.date.fromisoformat(end).isoformat() + "T00:00:00Z"}
    feed = urllib.request.Request(t["resourceURI"] + "?" + urllib.parse.urlencode(bounds),
                                  headers={"Authorization": "Bearer " + t["access_token"], "Accept": "application/atom+xml"})
    try:
        with urllib.request.urlopen(feed, timeout=300) as answer:
            while chunk := answer.read(1 << 16):
                sys.stdout.buffer.write(chunk)
    except urllib.error.HTTPError as e:
        sys.exit(f"the feed answered {e.code}: {e.read().decode(errors='replace')[:500]}")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
