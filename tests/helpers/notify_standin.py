"""A local stand-in for GOV.UK Notify's email endpoint, POST /v2/notifications/email. It is not Notify.

It checks the client's real JSON Web Token as Notify documents it (HS256, signed with the API key's secret,
`iss` the service id, `iat` within 30 seconds), answers in Notify's JSON shapes, and records what it accepted.
An API key reads `keyname-<service id>-<secret>`, the last two parts each a 36-character UUID.
"""

import json
import threading
import time
import uuid
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any

import jwt

HOST = "127.0.0.1"
TOKEN_BOUND_SECONDS = 30


@dataclass(frozen=True)
class Accepted:
    template_id: str
    email_address: str
    personalisation: dict[str, Any]


def make_api_key(name: str = "data-day-test") -> str:
    return f"{name}-{uuid.uuid4()}-{uuid.uuid4()}"


def token_problem(authorization: str, api_key: str) -> str | None:
    """Why Notify would refuse this Authorization header for the service the key belongs to, or None."""
    service_id, secret = api_key[-73:-37], api_key[-36:]
    scheme, _, token = authorization.partition(" ")
    if scheme != "Bearer" or not token:
        return "Unauthorized: authentication token must be provided"
    try:
        claims = jwt.decode(token, secret, algorithms=["HS256"], options={"require": ["iss", "iat"]})
    except jwt.InvalidTokenError:
        return "Invalid token: API key not found"
    if claims["iss"] != service_id:
        return "Invalid token: service not found"
    if abs(time.time() - int(claims["iat"])) > TOKEN_BOUND_SECONDS:
        return "Error: Your system clock must be accurate to within 30 seconds"
    return None


class NotifyStandIn:
    """Serves on 127.0.0.1 at a free port in a thread: start(), then point NOTIFY_BASE_URL at `url`."""

    def __init__(self, api_key: str) -> None:
        self.api_key = api_key
        self.accepted: list[Accepted] = []
        self._server = HTTPServer((HOST, 0), _handler_for(self))
        # A short poll, so stop() returns in a twentieth of a second rather than half of one.
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True)

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self._server.server_port}"

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()


def _handler_for(standin: NotifyStandIn) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            if self.path != "/v2/notifications/email":
                return self._answer(404, _error(404, "BadRequestError", "Resource not found"))
            body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
            problem = token_problem(self.headers.get("Authorization", ""), standin.api_key)
            if problem:
                return self._answer(403, _error(403, "AuthError", problem))
            missing = [field for field in ("email_address", "template_id") if field not in body]
            if missing:
                return self._answer(400, _error(400, "ValidationError", f"{missing[0]} is a required property"))
            standin.accepted.append(
                Accepted(body["template_id"], body["email_address"], body.get("personalisation", {}))
            )
            self._answer(201, _notification(body))

        def _answer(self, status: int, document: dict[str, Any]) -> None:
            payload = json.dumps(document).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, format: str, *args: Any) -> None:
            pass  # quiet: the tests assert on `accepted`

    return Handler


def _error(status: int, error: str, message: str) -> dict[str, Any]:
    return {"status_code": status, "errors": [{"error": error, "message": message}]}


def _notification(body: dict[str, Any]) -> dict[str, Any]:
    notification_id = str(uuid.uuid4())
    return {
        "id": notification_id,
        "reference": body.get("reference"),
        "content": {
            "subject": "(stand-in)",
            "body": "(stand-in)",
            "from_email": "data.day@notifications.service.gov.uk",
        },
        "uri": f"/v2/notifications/{notification_id}",
        "template": {"id": body["template_id"], "version": 1, "uri": f"/v2/template/{body['template_id']}"},
        "scheduled_for": None,
    }
