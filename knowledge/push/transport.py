"""One HTTP POST to the platform, and what came of it: the only code here that talks to it.

Redirects are never followed, to the same host or another: a 3xx is an answer like any other
non-2xx, so a signed body never goes anywhere but the configured address.
"""

import http.client
import urllib.error
import urllib.request
from dataclasses import dataclass

TIMEOUT = 10  # seconds to connect, and between bytes of the answer
ERROR_EXCERPT = 500  # characters of an error answer kept for the secretariat


@dataclass(frozen=True)
class Answer:
    status_code: int | None  # None: no answer at all (refused, timed out, reset)
    error: str

    @property
    def delivered(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300


class _RefuseRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None  # urllib then raises HTTPError with the 3xx


_opener = urllib.request.build_opener(_RefuseRedirects)


def post_json(url: str, body: bytes, headers: dict[str, str]) -> Answer:
    request = urllib.request.Request(  # noqa: S310 - the address is checked as http(s) in settings
        url, data=body, method="POST", headers={"Content-Type": "application/json", **headers}
    )
    try:
        with _opener.open(request, timeout=TIMEOUT) as response:
            return Answer(response.status, "")
    except urllib.error.HTTPError as answer:
        with answer:
            text = answer.read(ERROR_EXCERPT).decode("utf-8", "replace")
        if 300 <= answer.code < 400:
            text = f"Redirected to {answer.headers.get('Location', '?')}: not followed."
        said = f"HTTP {answer.code} {answer.reason}"
        return Answer(answer.code, f"{said}: {text.strip()}" if text.strip() else said)
    except (OSError, http.client.HTTPException) as failure:  # refused, timed out, reset, garbled
        reason = getattr(failure, "reason", failure)
        return Answer(None, f"{type(failure).__name__}: {reason}"[:ERROR_EXCERPT])
