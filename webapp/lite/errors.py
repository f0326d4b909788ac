"""The one error the site build raises: its message says what to change."""


class LiteBuildError(Exception):
    """The JupyterLite site cannot be built as asked (never a site that would hang or reach a CDN)."""
