"""The one way a page offers its pages: the first, the last and two either side of this one, gaps as ellipses."""

from dataclasses import dataclass

from webapp.web.choices import query_args

NEARBY = 2


@dataclass(frozen=True)
class PageLink:
    number: int | None  # None: an ellipsis for the pages left out
    args: dict | None = None  # the link's query args
    current: bool = False


@dataclass(frozen=True)
class Pagination:
    previous: dict | None  # query args, or None on the first page
    next: dict | None  # likewise on the last
    items: list[PageLink]


def pagination(page: int, pages: int, args: dict) -> Pagination | None:
    """Links to each page keep every other query arg in `args`; None when everything fits on one page."""
    if pages <= 1:
        return None
    items: list[PageLink] = []
    for number in range(1, pages + 1):
        if number not in (1, pages) and abs(number - page) > NEARBY:
            continue
        if items and number - (items[-1].number or 0) > 1:
            items.append(PageLink(None))
        items.append(PageLink(number, query_args(args, page=number), number == page))
    return Pagination(
        query_args(args, page=page - 1) if page > 1 else None,
        query_args(args, page=page + 1) if page < pages else None,
        items,
    )
