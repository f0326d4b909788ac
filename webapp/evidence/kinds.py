"""What a file is, from its first bytes: a name or a browser's content type says only what someone claims."""

PDF, PNG, JPEG = "application/pdf", "image/png", "image/jpeg"
KINDS = (PDF, PNG, JPEG)

# Magic numbers. A PDF reader tolerates junk before %PDF-, but we do not: a file must start as what it is.
SIGNATURES = ((b"%PDF-", PDF), (b"\x89PNG\r\n\x1a\n", PNG), (b"\xff\xd8\xff", JPEG))
EXTENSIONS = {PDF: (".pdf",), PNG: (".png",), JPEG: (".jpg", ".jpeg")}
NAMES = {PDF: "PDF", PNG: "PNG", JPEG: "JPEG"}


def kind_of(data: bytes) -> str | None:
    """The content type a file's bytes start as, or None for anything but a PDF, PNG or JPEG.

    Only the start is checked: the rest is never parsed or shown by Data Day, and the file is always served as a
    download of this type with nosniff, so a PNG header followed by anything is a PNG to us and to the browser."""
    for signature, kind in SIGNATURES:
        if data.startswith(signature):
            return kind
    return None
