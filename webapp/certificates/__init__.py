"""Certificates of a year's training record: verification codes, and the record made into an A4 PDF. No Flask."""
