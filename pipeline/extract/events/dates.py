"""Event dates (codebook section 7): absolute dates in the clause win, relative
ones resolve against the publication date, and nothing else gives a date."""
from __future__ import annotations

import calendar
import datetime as dt
import re

from pipeline.extract.numbers import parse_number

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
WEEKDAYS = [d.lower() for d in calendar.day_name]
MONTH_RE = r"(?:%s)\.?" % "|".join(sorted(MONTHS, key=len, reverse=True))
DASH = r"\s*[-\u2013\u2014]\s*"

DAY_RANGE = re.compile(rf"\b(?P<m>{MONTH_RE})\s+(?P<d1>\d{{1,2}}){DASH}(?P<d2>\d{{1,2}})\b(?:,?\s*(?P<y>\d{{4}}))?", re.I)
DAY_RANGE_EU = re.compile(rf"\b(?P<d1>\d{{1,2}}){DASH}(?P<d2>\d{{1,2}})\s+(?P<m>{MONTH_RE})(?:,?\s*(?P<y>\d{{4}}))?", re.I)
MONTH_RANGE = re.compile(rf"\b(?P<m1>{MONTH_RE}){DASH}(?P<m2>{MONTH_RE})(?:,?\s*(?P<y>\d{{4}}))?", re.I)
YEAR_RANGE = re.compile(rf"\b(?P<y1>(?:1[89]|20)\d\d){DASH}(?P<y2>\d\d(?:\d\d)?)\b")
DAY_MONTH = re.compile(rf"\b(?:(?P<m>{MONTH_RE})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{MONTH_RE}))\b(?:,?\s*(?P<y>\d{{4}}))?", re.I)
MONTH_YEAR = re.compile(rf"\b(?P<m>{MONTH_RE})(?:\s+of)?(?:,?\s*(?P<y>\d{{4}}))?\b", re.I)
YEAR = re.compile(r"\b(?P<y>(?:1[89]|20)\d\d)\b")
WEEKDAY = re.compile(r"\b(?P<w>%s)\b" % "|".join(WEEKDAYS), re.I)
RELATIVE = re.compile(r"\b(?P<rel>last|next|this|past|coming|previous)\s+(?P<unit>month|year|week)\b", re.I)
# a day named from today, with the parts of a day news copy names it by ("this afternoon", "last night")
DAY_WORDS = re.compile(r"\b(?P<w>yesterday|today|tomorrow|tonight|this\s+(?:morning|afternoon|evening)|last\s+night)\b", re.I)
# "over the weekend", "last weekend": a Saturday and Sunday counted from the publication day
WEEKEND = re.compile(r"\b(?:(?P<rel>last|this|next|past|coming)\s+)?week-?end\b", re.I)
DAY_SHIFT = {"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0, "this": 0, "last": -1}
# words that make a DATE span a duration or an age, not a point in time
NOT_A_POINT = re.compile(r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|few|many)[\s-]+(?:day|week|month|year|decade|hour)s?\b"
                         r"|\bfor\s+(?:years|decades|months)\b|\bsince\b|\buntil\b|\bdecades?\b|\bcentur", re.I)
# "on 352 days last year", "for two weeks this month": a count of days inside a period the phrase
# names is an act of that period, repeated or lasting; the period dates it
WITHIN_PERIOD = re.compile(r"^\s*(?:on|for|in)?\s*(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|a\s+few)"
                           r"[\s-]+(?:days?|weeks?|months?)\s+(?P<period>(?:last|this|previous)\s+(?:year|month|week))\s*$", re.I)
# "by 2030", "no later than 2050": a deadline dates a goal, not the event
DEADLINE = re.compile(r"^\s*(?:by|before|than|beyond|up\s+to)\b", re.I)
# "since 1972", "until 2014": the edge of a span, not the time of the event in the clause
SPAN_EDGE = re.compile(r"^\s*(?:since|until|till|through|thru)\b", re.I)


def _year_for(month: int, day: int, base: dt.date | None, prefer: str) -> int | None:
    """The year of a month (and day) given without one: the nearest such date on the preferred side."""
    if base is None:
        return None
    if prefer == "fixed":
        return base.year  # the article's own year, when only its year is known
    candidate = dt.date(base.year, month, min(day, 28))
    if prefer == "past" and candidate > base + dt.timedelta(days=31):
        return base.year - 1
    if prefer == "future" and candidate < base - dt.timedelta(days=31):
        return base.year + 1
    return base.year


def _month_word(text: str):
    """A month name; "may" only when capitalised and not a modal verb."""
    for m in MONTH_YEAR.finditer(text):
        word = m.group("m")
        if word.lower().rstrip(".") != "may":
            return m
        if word == "May" and (m.group("y") or re.search(r"(?:^|\b(?:in|of|since|by|from|during|until|late|early|mid))\W*$", text[:m.start()], re.I)):
            return m
    return None


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _explicit_year(text: str, base: dt.date | None) -> int | None:
    m = YEAR.search(text)
    if m:
        return int(m.group("y"))
    if base is not None and re.search(r"\bthis\s+year\b", text, re.I):
        return base.year
    if base is not None and re.search(r"\b(?:last|previous)\s+year\b", text, re.I):
        return base.year - 1
    if base is not None and re.search(r"\bnext\s+year\b", text, re.I):
        return base.year + 1
    return None


def _ranges(text: str, base: dt.date | None, prefer: str):
    m = DAY_RANGE.search(text) or DAY_RANGE_EU.search(text)
    if m:
        mon = _month(m.group("m"))
        year = int(m.group("y")) if m.group("y") else _explicit_year(text, base) or _year_for(mon, int(m.group("d1")), base, prefer)
        if year:
            start, end = _safe_date(year, mon, int(m.group("d1"))), _safe_date(year, mon, int(m.group("d2")))
            if start and end:
                return start, end, "day"
    m = MONTH_RANGE.search(text)
    if m:
        m1, m2 = _month(m.group("m1")), _month(m.group("m2"))
        year = int(m.group("y")) if m.group("y") else _explicit_year(text, base) or _year_for(m1, 1, base, prefer)
        if year:
            return dt.date(year, m1, 1), dt.date(year if m2 >= m1 else year + 1, m2, 1), "month"
    m = YEAR_RANGE.search(text)
    if m:
        y1, tail = int(m.group("y1")), m.group("y2")
        y2 = int(tail) if len(tail) == 4 else y1 // 100 * 100 + int(tail)
        if y2 > y1:
            return dt.date(y1, 1, 1), dt.date(y2, 1, 1), "year"
    return None


def _absolute(text: str, base: dt.date | None, prefer: str):
    m = DAY_MONTH.search(text)
    if m:
        mon = _month(m.group("m") or m.group("m2"))
        day = int(m.group("d") or m.group("d2"))
        year = int(m.group("y")) if m.group("y") else _explicit_year(text, base) or _year_for(mon, day, base, prefer)
        found = _safe_date(year, mon, day) if year else None
        return (found, None, "day") if found else None
    m = _month_word(text)
    if m:
        mon = _month(m.group("m"))
        year = int(m.group("y")) if m.group("y") else _explicit_year(text, base) or _year_for(mon, 1, base, prefer)
        return (dt.date(year, mon, 1), None, "month") if year else None
    m = YEAR.search(text)
    if m:
        return dt.date(int(m.group("y")), 1, 1), None, "year"
    return None


def _relative(text: str, base: dt.date | None, prefer: str):
    if base is None:
        return None
    m = RELATIVE.search(text)
    if m:
        rel, unit = m.group("rel").lower(), m.group("unit").lower()
        if rel == "past" and not re.search(r"\bthis\s+past\b", text, re.I):
            return None  # "over the past year": the twelve months up to today, a span and not a point
        step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(rel, 0)
        if unit == "year":
            return dt.date(base.year + step, 1, 1), None, "year"
        if unit == "month":
            month_index = base.year * 12 + base.month - 1 + step
            return dt.date(month_index // 12, month_index % 12 + 1, 1), None, "month"
        if (day := WEEKDAY.search(text)) is not None:  # "on Friday last week": that day of that week
            return _monday(base, step) + dt.timedelta(days=WEEKDAYS.index(day.group("w").lower())), None, "day"
        return _week_month(base, step)
    if (weekend := WEEKEND.search(text)) is not None:
        return _weekend(base, (weekend.group("rel") or "").lower(), prefer)
    m = DAY_WORDS.search(text)
    if m:
        shift = DAY_SHIFT[m.group("w").split()[0].lower()]
        return base + dt.timedelta(days=shift), None, "day"
    m = WEEKDAY.search(text)
    if m:
        return _weekday(m.group("w"), base, prefer), None, "day"
    return None


def _monday(base: dt.date, step: int) -> dt.date:
    """The Monday of the week `step` weeks from the publication date's."""
    return base - dt.timedelta(days=base.weekday()) + dt.timedelta(weeks=step)


def _weekend(base: dt.date, rel: str, prefer: str):
    """The Saturday and Sunday a weekend phrase names, as a range of days: the one the publication
    day falls in, else the last one ("over the weekend", told in the past) or the next one."""
    in_weekend = base.weekday() >= 5
    back = rel in ("last", "past") or not rel and not in_weekend and prefer == "past"
    ahead = rel in ("next", "coming") and in_weekend
    saturday = _monday(base, int(ahead) - int(back)) + dt.timedelta(days=5)
    return saturday, saturday + dt.timedelta(days=1), "day"


def _week_month(base: dt.date, step: int):
    """A week names no day; it names its month when it lies wholly inside one."""
    monday = _monday(base, step)
    sunday = monday + dt.timedelta(days=6)
    if (monday.year, monday.month) != (sunday.year, sunday.month):
        return None
    return dt.date(monday.year, monday.month, 1), None, "month"


def _weekday(name: str, base: dt.date, prefer: str) -> dt.date:
    """The named weekday nearest the publication date on the preferred side;
    the publication day itself when it is that weekday."""
    import dateparser

    if WEEKDAYS.index(name.lower()) == base.weekday():
        return base
    when = dateparser.parse(name, settings={"RELATIVE_BASE": dt.datetime.combine(base, dt.time()),
                                            "PREFER_DATES_FROM": prefer})
    return when.date() if when else base


def resolve_date_text(text: str, base: dt.date | None, prefer: str = "past",
                      context_year: int | None = None, anchor: dt.date | None = None,
                      base_precision: str | None = "day"):
    """(start, end or None, precision) for a date phrase, or None when it names no point in time.

    `context_year` is the year the narrative is in (the last year the paragraph named): a month
    or day without a year belongs to it. `anchor` is the last day the text named, for "the next day".
    `base_precision` says how much of `base` is known: against a year alone ("1975", a UN General
    Debate statement) nothing is resolved finer than the phrase itself says."""
    if not text:
        return None
    if context_year and base is not None and prefer == "future" and context_year < base.year:
        context_year = None  # a planned event does not fall in a past year the paragraph told of
    if (within := WITHIN_PERIOD.match(text)) is not None:
        text = within.group("period")
    if (ago := _ago(text, base, base_precision)) is not None:
        return plausible(ago, base)
    if anchor is not None and (shift := _anchored_shift(text)) is not None:
        return plausible((anchor + dt.timedelta(days=shift), None, "day"), base)  # before "two days" reads as a span
    if NOT_A_POINT.search(text) and not YEAR.search(text) and not _month_word(text):
        return None
    if DEADLINE.search(text):
        return None
    try:
        if base_precision == "year" and base is not None:
            found = _against_year(text, base.year, context_year, prefer)
        elif base_precision == "month" and base is not None and _counts_days(text):
            found = base.replace(day=1), None, "month"  # "yesterday" in an article of "March 2023"
        else:
            found = _against_day(text, base, prefer, context_year, anchor)
    except (ValueError, KeyError, OverflowError):
        return None
    return plausible(found, base)


def _counts_days(text: str) -> bool:
    """A phrase counted in days or weeks from the publication day: "yesterday", "on Tuesday", "this week"."""
    if YEAR.search(text) or DAY_MONTH.search(text) or _month_word(text):
        return False
    m = RELATIVE.search(text)
    return bool(DAY_WORDS.search(text) or WEEKDAY.search(text) or WEEKEND.search(text)
                or (m and m.group("unit").lower() == "week"))


def _against_day(text: str, base: dt.date | None, prefer: str, context_year: int | None, anchor: dt.date | None):
    if anchor is not None and (m := ORDINAL_DAY.search(text)) and not _month_word(text):
        found = _safe_date(anchor.year, anchor.month, int(m.group("d")))  # "on the 26th": the month in view
        return (found, None, "day") if found else None
    if (named := _named_month(text, base, prefer)) is not None:
        return named or None
    narrative = base
    if context_year and (base is None or context_year != base.year) and not YEAR.search(text) \
            and not (RELATIVE.search(text) or DAY_WORDS.search(text) or WEEKDAY.search(text)):
        narrative, prefer = dt.date(context_year, 12, 31), "past"
    return _ranges(text, narrative, prefer) or _absolute(text, narrative, prefer) or _relative(text, base, prefer)


def _against_year(text: str, year: int, context_year: int | None, prefer: str = "past"):
    """A phrase against a publication date known only to its year: an explicit or year-relative
    date as it says; a day or month without a year in the article's year (section 7: "on March 20"
    plus the article's year); a day, week or month counted from the unknown day gives the year
    alone; "last June" and "next June" may fall in either of two years, so give nothing."""
    if (named := _named_month(text, dt.date(year, 7, 1), "past", known_day=False)) is not None:
        return named or None
    counted = bool(RELATIVE.search(text) or DAY_WORDS.search(text) or WEEKDAY.search(text) or WEEKEND.search(text))
    narrative = dt.date(context_year if context_year and not counted and not YEAR.search(text) else year, 1, 1)
    found = _ranges(text, narrative, "fixed") or _absolute(text, narrative, "fixed")
    if found or not counted:
        return found
    m = RELATIVE.search(text)
    if m and m.group("unit").lower() == "year":
        return _relative(text, dt.date(year, 7, 1), prefer)
    return dt.date(year, 1, 1), None, "year"


# "last June", "this past March", "next October": a month counted from the publication date
NAMED_MONTH = re.compile(rf"\b(?P<rel>last|this\s+past|past|this|next|coming|this\s+coming)\s+(?P<m>{MONTH_RE})\b(?!\s*\d)", re.I)


def _named_month(text: str, base: dt.date | None, prefer: str, known_day: bool = True):
    """The month of "last June" etc. ((start, None, "month")), False when it cannot be told, None
    when the phrase has no such month. It never takes the narrative's year: "last" counts from today."""
    m = NAMED_MONTH.search(text)
    if m is not None and m.group("m").rstrip(".").lower() == "may" and m.group("m") != "May":
        return None  # "this may change": the modal verb
    if m is None or YEAR.search(text) or _explicit_year(text, base) is not None:
        return None
    if base is None:
        return False
    rel, mon = m.group("rel").lower().split()[-1], _month(m.group("m"))
    if rel == "this" and "past" not in m.group("rel").lower() and "coming" not in m.group("rel").lower():
        return dt.date(base.year, mon, 1), None, "month"
    if not known_day:
        return False  # "last June" in a statement of 1984: June 1984 or June 1983
    if rel in ("last", "past"):
        year = base.year if mon < base.month else base.year - 1
    else:
        year = base.year if mon > base.month else base.year + 1
    return dt.date(year, mon, 1), None, "month"


# "two years ago", "three days ago": a count of units back from the publication date
AGO = re.compile(r"\b(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|\d{1,3})"
                 r"(?:[\s-]+(?P<n2>one|two|three|four|five|six|seven|eight|nine))?\s+(?P<unit>days?|weeks?|months?|years?|decades?)\s+ago\b", re.I)


def _ago(text: str, base: dt.date | None, base_precision: str | None = "day"):
    """"Sixty-four years ago" in an article of 2024 is 1960 at year precision, a decade ten years;
    "three months ago" is a month, "two days ago" and "a week ago" a day. Counted back from a
    publication date known only to its month or year, the phrase names no finer time than that."""
    m = AGO.search(text)
    if m is None or base is None:
        return None
    words = text[m.start("n"):m.end("n2") if m.group("n2") else m.end("n")]
    count = 1 if words.lower() in ("a", "an") else int(parse_number(words))  # the figures' number reader
    unit = m.group("unit").lower().rstrip("s")
    years_back = {"year": count, "decade": 10 * count}.get(unit, 0)
    if years_back or base_precision == "year":
        return dt.date(base.year - years_back, 1, 1), None, "year"
    if unit == "month" or base_precision == "month":
        months = base.year * 12 + base.month - 1 - (count if unit == "month" else 0)
        return dt.date(months // 12, months % 12 + 1, 1), None, "month"
    return base - dt.timedelta(days=count * (7 if unit == "week" else 1)), None, "day"


EARLIEST_YEAR = 1900
# how far after the publication date a scheduled event may still be dated
LATEST_YEARS_AHEAD = 5


def plausible(found, base: dt.date | None):
    """The date, or None when it cannot be an event's: before 1900, or more than a few years after
    the publication date (a number or a goal read as a year)."""
    if found is None:
        return None
    start = found[0]
    if start.year < EARLIEST_YEAR:
        return None
    if base is not None and start.year > base.year + LATEST_YEARS_AHEAD:
        return None
    return found


ANCHORED = re.compile(r"\b(?P<after>(?:the\s+)?(?:next|following)\s+day|the\s+day\s+after)\b"
                      r"|\b(?P<before>the\s+(?:previous|preceding)\s+day|the\s+day\s+before)\b"
                      r"|\b(?P<same>the\s+same\s+day|that\s+day|later\s+that\s+day)\b"
                      r"|\b(?P<n>an?|one|two|three|four|five|six|\d)\s+days?\s+later\b", re.I)


ORDINAL_DAY = re.compile(r"\bthe\s+(?P<d>\d{1,2})(?:st|nd|rd|th)\b", re.I)


def _anchored_shift(text: str) -> int | None:
    m = ANCHORED.search(text)
    if not m:
        return None
    if m.group("n"):  # "two days later"
        return 1 if m.group("n").lower() in ("a", "an") else int(parse_number(m.group("n")))  # the figures' number reader
    return 1 if m.group("after") else -1 if m.group("before") else 0


def day_anchor(text: str, base: dt.date | None, prefer: str = "past", context_year: int | None = None,
               base_precision: str | None = "day") -> dt.date | None:
    """The day an explicit date phrase names, for later "the next day" phrases."""
    if ANCHORED.search(text) or not (DAY_MONTH.search(text) or WEEKDAY.search(text) or DAY_WORDS.search(text)):
        return None
    found = resolve_date_text(text, base, prefer, context_year, base_precision=base_precision)
    return found[0] if found and found[2] == "day" else None


def looks_like_date(text: str) -> bool:
    return bool(AGO.search(text) or ANCHORED.search(text) or ORDINAL_DAY.search(text) or DAY_MONTH.search(text) or _month_word(text) or YEAR.search(text) or WEEKDAY.search(text) or RELATIVE.search(text) or DAY_WORDS.search(text) or WEEKEND.search(text))


def names_a_day(text: str) -> bool:
    """"Tonight", "Wednesday night", "the night of June 3": a day, named from today, by its weekday
    or by its date."""
    return bool(DAY_WORDS.search(text) or WEEKDAY.search(text) or DAY_MONTH.search(text))


def names_calendar(text: str) -> bool:
    """A year or a month by name: a date of the calendar, not one told from the day of writing."""
    return bool(YEAR.search(text) or _month_word(text))


def starts_a_span(phrase: str) -> bool:
    return bool(SPAN_EDGE.search(phrase))


SPAN_UNIT = re.compile(r"(?P<n>.*?)\s*\b(?P<unit>hour|day|week|month|year)s?\s*$", re.I)
# the longest span, in days, that still dates an event: longer ones are background, not a point
SPAN_DAYS = {"day": 14, "week": 56, "month": 366, "year": 3660}


def resolve_offset(span: str, direction: str, base: dt.date | None):
    """The date `span` ("two weeks", "hours", "a year") before or after `base`: the month for spans of
    hours, days and weeks (the day is uncertain), the year for spans of years."""
    import dateparser

    m = SPAN_UNIT.fullmatch(span.strip())
    if base is None or not m:
        return None
    unit, count = m.group("unit").lower(), m.group("n").strip() or None
    if count and count.lower() in ("a few", "several"):
        count = "3"
    if unit == "hour":
        when = base
    else:
        phrase = f"{count or 'a'} {unit}s" if count not in ("a", "an", "one", None) else f"a {unit}"
        phrase = f"{phrase} ago" if direction == "after" else f"in {phrase}"
        try:
            parsed = dateparser.parse(phrase, settings={"RELATIVE_BASE": dt.datetime.combine(base, dt.time())})
        except (ValueError, OverflowError):
            return None
        if parsed is None or abs((parsed.date() - base).days) > SPAN_DAYS[unit]:
            return None
        when = parsed.date()
    if unit == "year":
        return dt.date(when.year, 1, 1), None, "year"
    return dt.date(when.year, when.month, 1), None, "month"


PRECISION_RANK = {"year": 0, "month": 1, "day": 2}


def after_publication(start: dt.date, precision: str | None, published: dt.date | None,
                      published_precision: str | None = "day") -> bool:
    """Whether an event dated `start` (to `precision`) lies wholly after the publication date, compared
    at the coarser of the two precisions: "next year" in an article of March 2023 is after it, "this
    year" is not, and "in June" in a statement known only as "1984" is not either."""
    if published is None or start is None:
        return False
    width = min(PRECISION_RANK.get(precision or "day", 2), PRECISION_RANK.get(published_precision or "day", 2))
    fields = ("year", "month", "day")[:width + 1]
    return tuple(getattr(start, f) for f in fields) > tuple(getattr(published, f) for f in fields)
