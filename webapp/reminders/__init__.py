"""Reminders before the training year ends, which stop once a person has met the requirement. No Flask.

schedule: the rules from REMINDER_SCHEDULE and the days each is due; selection: who is due one, in SQL;
sending: claim, send and record each reminder once; links: the signed "stop these reminders" links.
"""
