"""The XAPI_* settings as one value, read from the app's config, with the checks that keep them sensible."""

from dataclasses import dataclass
from ipaddress import ip_address
from urllib.parse import urlsplit

ACTOR_FORMS = ("email", "account")
ACCOUNT_NAMES = ("staff_number", "id")


@dataclass(frozen=True)
class XapiSettings:
    enabled: bool
    endpoint: str  # the LRS's xAPI base, e.g. https://lrs.example.gov.uk/xAPI/
    username: str | None
    password: str | None
    actor: str  # "email": mbox mailto:; "account": account.homePage + account.name
    account_homepage: str | None
    account_name: str  # "staff_number" or "id" (Data Day's own id for the person)
    service_url: str  # activity ids are addresses under it
    service_name: str  # context.platform
    batch_size: int
    max_attempts: int
    retry_seconds: float  # the first wait after a failure; it doubles each time
    timeout: float

    @classmethod
    def from_config(cls, config: dict) -> "XapiSettings":
        return cls(
            enabled=bool(config.get("XAPI_ENABLED")),
            endpoint=config.get("XAPI_ENDPOINT") or "",
            username=config.get("XAPI_USERNAME"),
            password=config.get("XAPI_PASSWORD"),
            actor=config.get("XAPI_ACTOR", "email"),
            account_homepage=config.get("XAPI_ACCOUNT_HOMEPAGE"),
            account_name=config.get("XAPI_ACCOUNT_NAME", "staff_number"),
            service_url=config.get("SERVICE_URL", "http://127.0.0.1:5000").rstrip("/"),
            service_name=config.get("SERVICE_NAME", "Data Day"),
            batch_size=int(config.get("XAPI_BATCH_SIZE", 50)),
            max_attempts=int(config.get("XAPI_MAX_ATTEMPTS", 10)),
            retry_seconds=float(config.get("XAPI_RETRY_SECONDS", 60)),
            timeout=float(config.get("XAPI_TIMEOUT", 10)),
        )

    @property
    def statements_url(self) -> str:
        return self.endpoint.rstrip("/") + "/statements"


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ip_address(host).is_loopback
    except ValueError:
        return False


def _is_web_address(value: str | None) -> bool:
    parts = urlsplit(value or "")
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def setting_problems(settings: XapiSettings, *, production: bool) -> list[str]:
    """What is wrong with the settings, one sentence each; nothing is checked while xAPI is off."""
    if not settings.enabled:
        return []
    return _endpoint_problems(settings, production) + _actor_problems(settings) + _number_problems(settings)


def _endpoint_problems(settings: XapiSettings, production: bool) -> list[str]:
    problems = []
    if not _is_web_address(settings.endpoint):
        problems.append(f"XAPI_ENDPOINT must be the LRS's http or https address, not {settings.endpoint!r}")
    # Statements carry email addresses and every request the LRS password: in production only an LRS (or a
    # proxy) on the same machine may be reached without TLS.
    elif production and urlsplit(settings.endpoint).scheme != "https":
        if not _is_loopback(urlsplit(settings.endpoint).hostname or ""):
            problems.append("XAPI_ENDPOINT must start https:// when DATA_DAY_ENV=production (or be on 127.0.0.1)")
    if not (settings.username and settings.password):
        problems.append("XAPI_USERNAME and XAPI_PASSWORD must both be set when XAPI_ENABLED is on")
    return problems


def _actor_problems(settings: XapiSettings) -> list[str]:
    problems = []
    if settings.actor not in ACTOR_FORMS:
        problems.append(f"XAPI_ACTOR must be email or account, not {settings.actor!r}")
    if settings.actor == "account" and not _is_web_address(settings.account_homepage):
        problems.append("XAPI_ACCOUNT_HOMEPAGE must be an http or https address when XAPI_ACTOR=account")
    if settings.account_name not in ACCOUNT_NAMES:
        problems.append(f"XAPI_ACCOUNT_NAME must be staff_number or id, not {settings.account_name!r}")
    return problems


def _number_problems(settings: XapiSettings) -> list[str]:
    problems = []
    if not 1 <= settings.batch_size <= 500:
        problems.append("XAPI_BATCH_SIZE must be between 1 and 500")
    if settings.max_attempts < 1:
        problems.append("XAPI_MAX_ATTEMPTS must be 1 or more")
    if not (settings.retry_seconds >= 0 and settings.timeout > 0):
        problems.append("XAPI_RETRY_SECONDS must be 0 or more and XAPI_TIMEOUT more than 0")
    return problems
