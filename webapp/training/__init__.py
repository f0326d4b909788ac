"""Hour accounting and training years: plain Python, no Flask."""
