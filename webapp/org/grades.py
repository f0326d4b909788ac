"""Civil service grades, most junior first, and the spellings HR systems use for them."""

GRADES = ("AA", "AO", "EO", "HEO", "SEO", "G7", "G6", "SCS")
# Reports list grades in this order; people with no grade, or one HR spelt oddly, come last.
GRADE_RANK = {grade: rank for rank, grade in enumerate(GRADES)}
UNGRADED_RANK = len(GRADES)
GRADE_NAMES = {
    "AA": "Administrative Assistant",
    "AO": "Administrative Officer",
    "EO": "Executive Officer",
    "HEO": "Higher Executive Officer",
    "SEO": "Senior Executive Officer",
    "G7": "Grade 7",
    "G6": "Grade 6",
    "SCS": "Senior Civil Service",
}
_ALIASES = {
    **{code.lower(): code for code in GRADES},
    **{name.lower(): code for code, name in GRADE_NAMES.items()},
    "grade 7": "G7",
    "grade 6": "G6",
    **{f"scs{band}": "SCS" for band in ("1", "2", "3", "4", "pb1", "pb2", "pb3", "pb4")},
    **{f"scs {band}": "SCS" for band in ("1", "2", "3", "4", "pb1", "pb2", "pb3", "pb4")},
}


def normalise_grade(text: str) -> str | None:
    """The grade's code ('Grade 7' -> 'G7', 'SCS2' -> 'SCS'), or None if it is not a civil service grade."""
    return _ALIASES.get(" ".join(text.split()).lower())


def grade_rank(grade: str | None) -> int:
    return GRADE_RANK.get(grade or "", UNGRADED_RANK)
