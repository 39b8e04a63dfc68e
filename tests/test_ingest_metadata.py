"""Title and date inference on texts written for the tests."""
from __future__ import annotations

import datetime as dt

import pytest

from pipeline.ingest.catalog import catalog_date, normalise_file
from pipeline.ingest.metadata import header_end, infer_date, infer_title, url_date

BODY = ("The foreign ministers of Chile and Peru met in Lima on Monday to discuss a new border "
        "agreement, officials said.")


def title_of(text: str) -> str | None:
    lines = text.split("\n")
    return infer_title(lines, header_end(lines))


def date_of(text: str, url: str | None = None) -> tuple:
    lines = text.split("\n")
    d = infer_date(lines, header_end(lines), url)
    return d["published_date"], d["published_date_precision"], d["published_date_source"]


@pytest.mark.parametrize("text, title", [
    ("Chile and Peru Agree on Fisheries\n\n" + BODY, "Chile and Peru Agree on Fisheries"),
    ("EN|ES\nFollow us on:\n\nChile and Peru Agree on Fisheries\n\n" + BODY, "Chile and Peru Agree on Fisheries"),
    ("Americas\n\nChile and Peru Agree on Fisheries\n\n" + BODY, "Chile and Peru Agree on Fisheries"),
    ("# Why Peru Changed Course\n\n" + BODY, "Why Peru Changed Course"),
    ("Chile\\u2019s Minister Visits Lima\\\n\n" + BODY, "Chile’s Minister Visits Lima"),
    ("'TALKS: Chile, Peru Sign Deal'\n\n" + BODY, "TALKS: Chile, Peru Sign Deal"),
    ("Is the Pacific Alliance Back?\n\n" + BODY, "Is the Pacific Alliance Back?"),
    ("The ministers' new approach. The Peruvian view\n\n" + BODY, "The ministers' new approach. The Peruvian view"),
])
def test_title_from_a_short_first_line(text, title):
    assert title_of(text) == title


@pytest.mark.parametrize("text", [
    BODY + "\n" + BODY,                                     # first line is a body sentence
    "The talks went well.\n\n" + BODY,                      # a sentence, not a headline
    "By Ana Ruiz\n\n" + BODY,                               # a byline
    "Ana Ruiz, March 3, 2021\n\n" + BODY,                   # a dated byline
    "The foreign ministers of Chile and Peru met in Lima on\nMonday to discuss a new border "
    "agreement, officials said on\nTuesday in a statement.\n",  # a hard-wrapped body paragraph
    "",
])
def test_no_title_from_body_or_byline(text):
    assert title_of(text) is None


@pytest.mark.parametrize("text, expected", [
    ("Chile and Peru Agree\n\nAna Ruiz\nMarch 3, 2021\n\n" + BODY, (dt.date(2021, 3, 3), "day", "text")),
    ("Chile and Peru Agree\n\nDr Ana Ruiz 3 March 2021\n\n" + BODY, (dt.date(2021, 3, 3), "day", "text")),
    ("Chile and Peru Agree\n\nAna Ruiz, March 3\n\n" + BODY, (None, None, None)),  # no year: none invented
    (BODY + "\n\nPublished in The Daily Paper, March 3rd, 2021.", (dt.date(2021, 3, 3), "day", "text")),
    ("Chile and Peru Agree\n\nUpdated: June 2019\n\n" + BODY, (dt.date(2019, 6, 1), "month", "text")),
])
def test_date_from_text(text, expected):
    assert date_of(text) == expected


def test_body_dates_are_not_bylines():
    text = BODY + "\nThe agreement signed on March 3, 2021 in Lima will enter into force next year, they said."
    assert date_of(text) == (None, None, None)


@pytest.mark.parametrize("url, expected", [
    ("https://example.org/2023/03/some-story/", (dt.date(2023, 3, 1), "month")),
    ("https://example.org/news/2023/03/21/some-story", (dt.date(2023, 3, 21), "day")),
    ("https://example.org/story-2022-11-27.html", (dt.date(2022, 11, 27), "day")),
    ("https://example.org/2023/13/story", None),
    ("https://example.org/story/12345", None),
    (None, None),
])
def test_url_dates(url, expected):
    assert url_date(url) == expected


def test_text_day_beats_url_month():
    assert date_of("Title Line Here\n\nMarch 21, 2023\n\n" + BODY, "https://x.org/2023/03/t/") == \
        (dt.date(2023, 3, 21), "day", "text")
    assert date_of(BODY, "https://x.org/2023/03/t/") == (dt.date(2023, 3, 1), "month", "url")


@pytest.mark.parametrize("value, expected", [
    ("2023-03-21", (dt.date(2023, 3, 21), "day")),
    ("2023-03", (dt.date(2023, 3, 1), "month")),
    ("2023", (dt.date(2023, 1, 1), "year")),
    ("2023-03-21T10:00:00Z", (dt.date(2023, 3, 21), "day")),
    ("2023-02-30", None), ("21/03/2023", None), ("soon", None), ("", None), (None, None),
])
def test_catalog_dates(value, expected):
    assert catalog_date(value) == expected


@pytest.mark.parametrize("value, expected", [
    ("a.txt", "a.txt"), ("./sub/a.txt", "sub/a.txt"), ("sub\\a.txt", "sub/a.txt"),
    ("../a.txt", None), ("sub/../../a.txt", None), ("/abs/a.txt", None), ("C:\\a.txt", None), ("", None),
])
def test_catalog_file_names(value, expected):
    assert normalise_file(value) == expected
