"""Every response carries the security headers, and the page's own script the CSP nonce."""

from tests.helpers.html import parse


def test_every_response_carries_security_headers(client):
    headers = client.get("/").headers
    assert "script-src 'self' 'nonce-" in headers["Content-Security-Policy"]
    assert headers["X-Frame-Options"] == "SAMEORIGIN"
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_the_page_script_carries_the_csp_nonce(client):
    response = client.get("/")
    nonce = response.headers["Content-Security-Policy"].split("'nonce-")[1].split("'")[0]
    inline = [script for script in parse(response).elements("script") if not script.get("src")]
    assert inline, "no inline script on the page"
    assert [script.get("nonce") for script in inline] == [nonce] * len(inline)
