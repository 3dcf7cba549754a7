"""How a push is signed, and how the platform that receives it checks it.

Every push is an HTTP POST of a JSON body (`Content-Type: application/json`) with these headers:

- `X-GCM-Timestamp`: when it was signed, in whole seconds since the Unix epoch (UTC);
- `X-GCM-Signature`: `sha256=` and the hexadecimal HMAC-SHA256, keyed with the shared secret
  (KNOWLEDGE_PUSH_SECRET, UTF-8), of the timestamp, a full stop and the body exactly as received
  (bytes): `HMAC(secret, f"{timestamp}.{body}")`;
- `X-GCM-Delivery`: the delivery's id. An attempt that is tried again, or sent again by the
  secretariat, carries the same id (and the same body), with a fresh timestamp and signature:
  a receiver that has applied a delivery id already answers 2xx and does nothing more;
- `X-GCM-Event`: `publication.published` or `publication.withdrawn`, as the body's `event`.

Deliveries may arrive out of order (a publication's first attempt fails, its withdrawal goes
through): the body's `occurred_at` says when the change happened, so a receiver applies a change
to a publication only if it is newer than the last it applied.

The receiver checks, in this order: the timestamp is within `tolerance` seconds of its own clock
(an old request replayed fails here, and the timestamp cannot be changed without the secret); the
signature matches, compared in constant time. `verify_signature` below does both and depends on
the standard library only, so a receiver may copy it as it is.
"""

import hashlib
import hmac
import time

SIGNATURE_PREFIX = "sha256="


def sign(secret: str, timestamp: int, body: bytes) -> str:
    """The value of `X-GCM-Signature` for `body` sent at `timestamp`."""
    message = str(timestamp).encode() + b"." + body
    return SIGNATURE_PREFIX + hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def verify_signature(
    secret: str,
    timestamp: str | int,
    body: bytes,
    signature: str,
    tolerance: int = 300,
    now: float | None = None,
) -> bool:
    """Whether a push is genuine and fresh: `timestamp` and `signature` are the values of the
    X-GCM-Timestamp and X-GCM-Signature headers, `body` the raw bytes of the request body."""
    try:
        sent_at = int(timestamp)
    except (TypeError, ValueError):
        return False
    current = time.time() if now is None else now
    if abs(current - sent_at) > tolerance:
        return False
    return hmac.compare_digest(sign(secret, sent_at, body), signature)
