"""Course content from Markdown files: load, validate, render. Plain Python, no Flask."""
