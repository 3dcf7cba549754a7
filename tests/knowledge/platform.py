"""A knowledge platform on 127.0.0.1, in a thread: it records every request it is sent and
answers with the codes it is told to, then 200."""

import threading
import time
from dataclasses import dataclass, field
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from knowledge.push.signing import verify_signature

SECRET = "a-shared-secret-of-forty-characters-0123"
SITE_URL = "https://reviews.example.org"


@dataclass(frozen=True)
class Received:
    path: str
    headers: Message
    body: bytes
    at: float = field(default_factory=time.monotonic)


@dataclass
class Platform:
    url: str = ""
    received: list[Received] = field(default_factory=list)
    # Status codes to answer with, in turn, before answering 200; with headers to add to each.
    answers: list[tuple[int, dict[str, str]]] = field(default_factory=list)

    def answer(self, *codes: int, **headers: str) -> None:
        self.answers.extend((code, headers) for code in codes)


def signed(received: Received) -> bool:
    """Whether a request verifies as the platform checks it, with the shared secret."""
    headers = received.headers
    return verify_signature(
        SECRET, headers["X-GCM-Timestamp"], received.body, headers["X-GCM-Signature"]
    )


def serve() -> tuple[Platform, ThreadingHTTPServer]:
    platform = Platform()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers["Content-Length"]))
            platform.received.append(Received(self.path, self.headers, body))
            code, headers = platform.answers.pop(0) if platform.answers else (200, {})
            self.send_response(code)
            for name, value in {"Content-Length": "0", **headers}.items():
                self.send_header(name, value)
            self.end_headers()

        def do_GET(self):
            platform.received.append(Received(self.path, self.headers, b""))
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    platform.url = f"http://127.0.0.1:{server.server_port}/hooks/gcm"
    return platform, server
