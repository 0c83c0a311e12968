"""Schemathesis hooks for scripts/schemathesis.sh (loaded through SCHEMATHESIS_HOOKS).

`POST /v1/articles:batch` takes `application/x-ndjson`, a media type schemathesis has no
serializer for: without one it reports an error and tests nothing there. The document gives
the body as a string (the NDJSON text), so a string goes as it is; anything else the negative
phase makes up goes as one JSON line, which the server must refuse line by line.
"""

import json

import schemathesis


@schemathesis.serializer("application/x-ndjson")
def ndjson(ctx, value):
    if isinstance(value, bytes):
        return value
    if isinstance(value, str):
        return value.encode("utf-8")
    return (json.dumps(value) + "\n").encode("utf-8")
