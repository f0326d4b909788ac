"""Flask wiring and the request helpers every blueprint shares: errors, templates, security, static files,
permissions, the current training year, content pages, form fields and CSV downloads."""
