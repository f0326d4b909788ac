"""Sending statements to the LRS over HTTP: a batch by POST, then one by one (PUT) if the batch is refused.

An LRS stores a statement once per id: a statement sent again after a lost reply is accepted without a second
copy, and a 409 for a statement's own id means the LRS has that id already, so it counts as sent.
"""

from dataclasses import dataclass, field

import requests

from webapp.xapi.settings import XapiSettings

HEADERS = {"X-Experience-API-Version": "1.0.3", "Content-Type": "application/json"}


@dataclass
class Outcome:
    sent: list[str] = field(default_factory=list)  # statement ids
    failed: dict[str, str] = field(default_factory=dict)  # statement id → why, in words


def _reason(response: requests.Response) -> str:
    if response.status_code == 401:
        return "the LRS refused the username and password (XAPI_USERNAME, XAPI_PASSWORD): 401"
    if response.status_code == 403:
        return "the LRS does not let this username write statements: 403"
    try:
        detail = response.json().get("detail") or response.json().get("message") or ""
    except (ValueError, AttributeError):
        detail = response.text
    return f"the LRS answered {response.status_code} {response.reason}: {str(detail)[:300]}".rstrip(": ")


def send(settings: XapiSettings, statements: list[dict], http: requests.Session | None = None) -> Outcome:
    http = http or requests.Session()
    http.auth = (settings.username or "", settings.password or "")
    ids = [statement["id"] for statement in statements]
    try:
        response = http.post(settings.statements_url, json=statements, headers=HEADERS, timeout=settings.timeout)
    except requests.RequestException as error:
        return Outcome(failed=dict.fromkeys(ids, f"could not reach the LRS at {settings.statements_url}: {error}"))
    if response.ok:
        return Outcome(sent=ids)
    if response.status_code in (400, 409):  # one statement refused or conflicting: find it, send the others
        return _one_by_one(settings, statements, http)
    return Outcome(failed=dict.fromkeys(ids, _reason(response)))


def _one_by_one(settings: XapiSettings, statements: list[dict], http: requests.Session) -> Outcome:
    outcome = Outcome()
    for statement in statements:
        try:
            response = http.put(
                settings.statements_url,
                params={"statementId": statement["id"]},
                json=statement,
                headers=HEADERS,
                timeout=settings.timeout,
            )
        except requests.RequestException as error:
            outcome.failed[statement["id"]] = f"could not reach the LRS at {settings.statements_url}: {error}"
            continue
        if response.ok or response.status_code == 409:  # 409: the LRS already has a statement with this id
            outcome.sent.append(statement["id"])
        else:
            outcome.failed[statement["id"]] = _reason(response)
    return outcome
