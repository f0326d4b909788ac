"""Database helpers that are not tables: the clock timestamps use, and statements spelt per dialect. No Flask."""
