"""The PDF maker fetches nothing: no network, no file outside its templates, whatever the HTML asks for."""

import http.server
import threading
from pathlib import Path

import pytest

from tests.helpers.pdf import pdf_text
from webapp.certificates.pdf import TEMPLATES, LocalFilesOnly, RefusedFetch, render_pdf


@pytest.fixture
def web_server():
    """A real HTTP server on 127.0.0.1 that notes every request it gets."""
    requests: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            requests.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "text/css")
            self.end_headers()
            self.wfile.write(b"body { color: red }")

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", requests
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.1/logo.png", "https://www.gov.uk/x.css", "ftp://example.com/f", "data:text/css,body{}"],
)
def test_the_fetcher_refuses_anything_but_local_files(url):
    with pytest.raises(RefusedFetch):
        LocalFilesOnly().fetch(url)


def test_the_fetcher_refuses_files_outside_the_certificate_templates():
    with pytest.raises(RefusedFetch):
        LocalFilesOnly().fetch("file:///etc/passwd")
    with pytest.raises(RefusedFetch):
        LocalFilesOnly().fetch((TEMPLATES / ".." / ".." / "config.py").as_uri())
    response = LocalFilesOnly().fetch((TEMPLATES / "record.html").as_uri())
    try:
        assert b'<html lang="en-GB">' in response.read()
    finally:
        response.close()


def test_html_asking_for_the_network_gets_nothing_from_it(web_server, tmp_path: Path):
    address, requests = web_server
    html = (
        f'<html lang="en-GB"><head><title>t</title><link rel="stylesheet" href="{address}/style.css">'
        f'<style>@import url("{address}/import.css"); @font-face {{ font-family: X; src: url("{address}/f.woff") }}'
        f'</style></head><body><p>Real text</p><img src="{address}/logo.png" alt="logo"></body></html>'
    )
    data = render_pdf(html)
    assert requests == []
    assert "Real text" in pdf_text(data)
