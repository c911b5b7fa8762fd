#!/usr/bin/env python3
"""Expected access tokens for the known-answer tests of the generated crate's
`access_token` module (templates/access_token.rs), computed independently
with the standard library only.

The algorithm is the one twilio-node's src/jwt/AccessToken.ts runs through
jsonwebtoken's sign.js (and jws): the JWT header is `alg`, `typ`, then the
SDK's `cty` and `twr`; the payload is the SDK's `jti`, `grants`, `nbf`, then
jsonwebtoken's `iat`, `exp`, `iss`, `sub`; each part is JSON.stringify'd
(no spaces, non-ASCII as is) and base64url-encoded without padding, and the
signature is HMAC-SHA256 keyed with the API key secret. Grants list
`identity` first, then `chat` with `service_sid`, `endpoint_id`,
`deployment_role_sid`, `push_credential_sid` when set.

Run: python3 tests/vectors/access_token.py
"""
import base64
import hashlib
import hmac
import json


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def stringify(value) -> bytes:
    # JSON.stringify: no spaces, key order as inserted, non-ASCII kept.
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def token(account_sid, key_sid, secret, identity, iat, ttl, chat=None, nbf=None, region=None):
    header = {"alg": "HS256", "typ": "JWT", "cty": "twilio-fpa;v=1"}
    if region:
        header["twr"] = region
    grants = {"identity": identity}
    if chat is not None:
        grants["chat"] = {
            key: chat[key]
            for key in ("service_sid", "endpoint_id", "deployment_role_sid", "push_credential_sid")
            if chat.get(key)
        }
    payload = {"jti": f"{key_sid}-{iat}", "grants": grants}
    if nbf is not None:
        payload["nbf"] = nbf
    payload.update({"iat": iat, "exp": iat + ttl, "iss": key_sid, "sub": account_sid})
    signing_input = b64url(stringify(header)) + "." + b64url(stringify(payload))
    mac = hmac.new(secret.encode("utf-8"), signing_input.encode("ascii"), hashlib.sha256)
    return signing_input + "." + b64url(mac.digest())


ACCOUNT = "AC00000000000000000000000000000001"
KEY = "SK00000000000000000000000000000002"
SECRET = "the-api-key-secret"

print("minimal:")
print(token(ACCOUNT, KEY, SECRET, "alice", 1700000000, 3600,
            chat={"service_sid": "IS00000000000000000000000000000003"}))
print("full:")
print(token(ACCOUNT, KEY, SECRET, "zoë@example.com", 1700000000, 600,
            chat={
                "service_sid": "IS00000000000000000000000000000003",
                "endpoint_id": "zoe-phone",
                "deployment_role_sid": "RL00000000000000000000000000000004",
                "push_credential_sid": "CR00000000000000000000000000000005",
            },
            nbf=1699999990, region="ie1"))
