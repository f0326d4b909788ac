"""A training record or certificate as an accessible A4 PDF: tagged (PDF/UA-1), in English, real text.

The page is HTML (templates/certificates/record.html) laid out by WeasyPrint. Fonts come from the system by
family name (Liberation Sans, else DejaVu Sans: Debian packages, see scripts/install-system-deps.sh), and
nothing is fetched: the URL fetcher refuses everything but files in the templates' own folder.
"""

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from jinja2 import Environment, FileSystemLoader, select_autoescape
from weasyprint import HTML
from weasyprint.urls import URLFetcher

TEMPLATES = Path(__file__).resolve().parent.parent / "templates" / "certificates"
PDF_VARIANT = "pdf/ua-1"  # turns tagging on, and says so in the metadata


@dataclass(frozen=True)
class Line:
    on: str  # "3 March 2026"
    title: str
    source: str  # "Lesson: Spreadsheet basics"
    evidence: str
    minutes: str  # "15 minutes"


@dataclass(frozen=True)
class Verification:
    code: str  # "ABCD-EFGH-JK"
    url: str


@dataclass(frozen=True)
class RecordSheet:
    """What the PDF says, already worded. A certificate has a verification; a plain record does not."""

    service_name: str
    name: str
    department: str | None
    year_name: str
    year_dates: str
    total: str
    required: str
    met: bool
    lines: list[Line]
    made_on: str
    verification: Verification | None = None

    @property
    def title(self) -> str:
        kind = "Certificate of data training" if self.verification else "Training record"
        return f"{kind}: {self.name}, training year {self.year_name}"


class RefusedFetch(ValueError):
    pass


class LocalFilesOnly(URLFetcher):
    """WeasyPrint's fetcher, allowed only files under `root`: no network, and no reading the rest of the disk."""

    def __init__(self, root: Path = TEMPLATES):
        super().__init__(allowed_protocols={"file"}, allow_redirects=False)
        self.root = root.resolve()

    def fetch(self, url, headers=None):
        parts = urlsplit(url)
        if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
            raise RefusedFetch(f"only local files may be used in a PDF, not {url}")
        if not Path(url2pathname(parts.path)).resolve().is_relative_to(self.root):
            raise RefusedFetch(f"only files in {self.root} may be used in a PDF, not {url}")
        return super().fetch(url, headers)


_templates = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True))


def sheet_html(sheet: RecordSheet) -> str:
    return _templates.get_template("record.html").render(sheet=sheet)


def render_pdf(html: str, fetcher: URLFetcher | None = None) -> bytes:
    document = HTML(string=html, base_url=TEMPLATES.as_uri() + "/", url_fetcher=fetcher or LocalFilesOnly())
    return document.write_pdf(pdf_variant=PDF_VARIANT)


def sheet_pdf(sheet: RecordSheet) -> bytes:
    return render_pdf(sheet_html(sheet))
