"""The questions Data Day asks of its database, and the changes it makes, each module named for what it answers.

Plain functions taking a SQLAlchemy Session: no Flask, no wording for pages."""
