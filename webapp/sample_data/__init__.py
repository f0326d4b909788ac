"""Data for trying Data Day: a small demo organisation, and a synthetic civil service at full scale."""
