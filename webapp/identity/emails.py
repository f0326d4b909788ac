"""Work email addresses: one spelling per mailbox, and which domains may have accounts."""


def normalise_email(email: str) -> str:
    return email.strip().lower()


def email_domain_allowed(email: str, allowed_domains: list[str]) -> bool:
    """'gov.uk' admits name@gov.uk and name@cabinetoffice.gov.uk, not name@evilgov.uk."""
    domain = email.rpartition("@")[2].strip().lower()
    return any(domain == allowed or domain.endswith("." + allowed) for allowed in allowed_domains)
