"""A LanguageTool stand-in for the tests: a small HTTP server on localhost that answers
`/v2/languages` and replays recorded `/v2/check` responses (tests/data/languagetool/*.json),
matched by the exact text sent. Any other text gets a response with no matches.

The recordings are written by hand in the response format LanguageTool documents for /v2/check
(https://languagetool.org/http-api/): offsets and lengths in UTF-16 code units, as Java counts.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

RECORDINGS = Path(__file__).parent / "data" / "languagetool"
LANGUAGES = [
    {"name": "English", "code": "en", "longCode": "en"},
    {"name": "English (US)", "code": "en", "longCode": "en-US"},
    {"name": "English (GB)", "code": "en", "longCode": "en-GB"},
    {"name": "English (Australian)", "code": "en", "longCode": "en-AU"},
    {"name": "English (Canadian)", "code": "en", "longCode": "en-CA"},
    {"name": "German (Germany)", "code": "de", "longCode": "de-DE"},
]
SOFTWARE = {
    "name": "LanguageTool",
    "version": "6.5",
    "buildDate": "2024-09-27 11:26:00 +0000",
    "apiVersion": 1,
    "premium": False,
    "status": "",
}


def load_recordings() -> dict[str, dict]:
    """Recorded responses by the text they answer."""
    out = {}
    for path in sorted(RECORDINGS.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        out[data["request"]["text"]] = data["response"]
    return out


def empty_response(language: str) -> dict:
    return {
        "software": SOFTWARE,
        "warnings": {"incompleteResults": False},
        "language": {
            "name": language,
            "code": language,
            "detectedLanguage": {"name": language, "code": language, "confidence": 0.9},
        },
        "matches": [],
    }


class ReplayServer:
    def __init__(self, recordings: dict[str, dict] | None = None) -> None:
        self.recordings = load_recordings() if recordings is None else recordings
        self.requests: list[dict[str, str]] = []  # the /v2/check form fields received
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:  # keep test output clean
                pass

            def _reply(self, payload) -> None:
                body = json.dumps(payload).encode("utf-8")
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def _check(self, form: dict[str, list[str]]) -> None:
                fields = {k: v[0] for k, v in form.items()}
                server.requests.append(fields)
                text = fields.get("text", "")
                self._reply(server.recordings.get(text) or empty_response(fields.get("language", "en-US")))

            def do_GET(self) -> None:
                url = urlsplit(self.path)
                if url.path == "/v2/languages":
                    self._reply(LANGUAGES)
                elif url.path in ("/v2/check", "/v2/healthcheck"):
                    self._check(parse_qs(url.query))
                else:
                    self.send_error(404)

            def do_POST(self) -> None:
                if urlsplit(self.path).path != "/v2/check":
                    self.send_error(404)
                    return
                length = int(self.headers.get("Content-Length", 0))
                self._check(parse_qs(self.rfile.read(length).decode("utf-8"), keep_blank_values=True))

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> ReplayServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
