"""Furniture removal on texts written for the tests."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from pipeline.ingest.markdown import strip_links
from pipeline.ingest.furniture import remove_furniture

BODY = [
    "The foreign ministers of Chile and Peru met in Lima on Monday to discuss a new border agreement.",
    "Officials said the two governments would sign a memorandum on fisheries before the end of the year.",
    "Chile's minister told reporters that the talks had been frank and constructive, and that more would follow.",
]


def kinds(removed):
    return [r["kind"] for r in removed]


def test_social_and_comment_boilerplate():
    text = "\n\n".join(BODY + [
        "Like World Desk on Facebook, follow @WorldDesk on Twitter to receive all updates.",
        "COMMENTS (2)",
        "Replying to Someone",
        "Comments are moderated and generally will be posted if they are on-topic.",
        "A reader wrote that the deal was overdue.",
    ])
    cleaned, removed = remove_furniture(text)
    assert cleaned == "\n\n".join(BODY)
    assert kinds(removed) == ["social", "comments"]


def test_header_navigation_language_switcher_and_tags():
    text = "\n".join([
        "DE|EN|ES", "Follow us on:", "", "Americas", "", "Chile and Peru Agree on Fisheries",
        "", "Americas | Politics | Trade", "", "Chile Peru", "", *BODY,
    ])
    cleaned, removed = remove_furniture(text, title="Chile and Peru Agree on Fisheries", header_end=11)
    assert cleaned.splitlines()[0] == "Chile and Peru Agree on Fisheries"
    assert cleaned.endswith(BODY[-1])
    for gone in ("DE|EN|ES", "Follow us on:", "Americas", "Chile Peru"):
        assert gone not in cleaned.splitlines()
    assert {"language_switcher", "social", "breadcrumb", "navigation", "tag_line"} <= set(kinds(removed))


def test_repeated_title_keeps_first():
    title = "Chile and Peru Agree on Fisheries"
    text = "\n\n".join([title, BODY[0], title, "Photo credit: Agency", *BODY[1:]])
    cleaned, removed = remove_furniture(text, title=title)
    assert cleaned.count(title) == 1 and cleaned.startswith(title)
    assert "Agency" not in cleaned
    assert kinds(removed) == ["repeated_title", "image_credit"]


def test_related_link_list_after_body():
    text = "\n".join(BODY + [
        "Related articles",
        "Brazil hosts a regional summit on the Amazon",
        "[Argentina: the new government's first hundred days](https://example.org/a)",
        "",
        "Ecuador and Colombia reopen their border crossings",
    ])
    cleaned, removed = remove_furniture(text)
    assert cleaned == "\n".join(BODY)
    assert kinds(removed) == ["link_list"]


def test_link_list_stops_at_a_body_paragraph():
    text = "\n".join(["Read more:", "Brazil hosts a regional summit", *BODY])
    cleaned, _ = remove_furniture(text)
    assert cleaned == "\n".join(BODY)


def test_summary_list_repeated_by_body_is_removed():
    bullets = [
        "- The foreign ministers of Chile and Peru met in Lima to discuss a new border agreement",
        "- Officials said the two governments would sign a memorandum on fisheries",
    ]
    text = "\n".join([BODY[0], "Key Points", *bullets, *BODY[1:]])
    cleaned, removed = remove_furniture(text)
    assert cleaned == "\n".join(BODY)
    assert kinds(removed) == ["summary_list"]


def test_summary_list_not_repeated_is_kept():
    bullets = ["- A new fund of $40 million will support coastal communities in both countries",
               "- Joint patrols will start in March along the maritime boundary"]
    text = "\n".join([BODY[0], "Key points:", *bullets, *BODY[1:]])
    cleaned, removed = remove_furniture(text)
    assert cleaned == text and removed == []


def test_hard_wrapped_read_more_and_html_and_end_marker():
    text = "\n".join([
        "*Read more about the fisheries", "agreement [here](https://example.org/f.pdf)*", "",
        "<figure>", "<img", 'src="https://example.org/p.jpg"', 'width="10" height="10" />', "</figure>", "",
        "The two ministers signed the agreement on", "Tuesday, officials said.", "", "\\###",
    ])
    cleaned, removed = remove_furniture(text)
    assert cleaned == "The two ministers signed the agreement on\nTuesday, officials said."
    assert kinds(removed) == ["read_more", "html", "end_marker"]


def test_markdown_body_keeps_its_words_and_records_link_targets():
    text = ("[**Foreign Minister Ana Ruiz**](https://example.org/x)**:** “We will keep talking,” she said.\n\n"
            "- The ministers agreed to meet again in [Quito](https://example.org/q) in May.")
    cleaned, removed = remove_furniture(text)
    assert cleaned == ("**Foreign Minister Ana Ruiz****:** “We will keep talking,” she said.\n\n"
                       "- The ministers agreed to meet again in Quito in May.")
    assert removed == [{"kind": "link_target", "text": "https://example.org/x"},
                       {"kind": "link_target", "text": "https://example.org/q"}]


def test_link_words_may_wrap_and_targets_may_hold_parentheses():
    text = ("The leaders praised the [landmark trade\ndeal](https://example.org/a_(b)) and the "
            "\\[earlier\\] accord, shown in ![a map](map.png \"Map\").")
    cleaned, removed = remove_furniture(text)
    assert cleaned == "The leaders praised the landmark trade\ndeal and the [earlier] accord, shown in a map."
    assert [r["text"] for r in removed] == ["https://example.org/a_(b)", 'map.png "Map"']


def test_brackets_that_are_not_links_stay():
    text = "The court [of appeal] ruled (on Monday) that the ban stands."
    assert remove_furniture(text) == (text, [])


def test_menu_of_links_is_navigation():
    text = "\n".join(["[Home](/)", "[World](/world)", "[Politics](/politics)", "", *BODY])
    cleaned, removed = remove_furniture(text)
    assert cleaned == "\n".join(BODY) and kinds(removed) == ["navigation"]


def test_repeated_paragraph_removed_but_short_repeats_kept():
    lead_in = "Together, the two countries will:"
    text = "\n\n".join([BODY[0], lead_in, "- Expand trade.", BODY[1], lead_in, "- Share data.", BODY[0]])
    cleaned, removed = remove_furniture(text)
    assert cleaned.count(lead_in) == 2 and cleaned.count(BODY[0]) == 1
    assert kinds(removed) == ["repeated_paragraph"]


def test_body_sentences_that_look_like_furniture_are_kept():
    text = "\n".join([
        "Published in 1998, the treaty has never been ratified by the parliament of either country.",
        "The minister said she would follow the talks on Twitter and share the results with the press.",
        "Comments from the embassy were not available on Monday.",
    ])
    assert remove_furniture(text) == (text, [])


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_never_raises_and_only_removes_lines(text):
    cleaned, removed = remove_furniture(text, title=text[:20] or None, header_end=3)
    kept = [line for line in cleaned.split("\n") if line.strip()]
    source = strip_links(text)[0].split("\n")  # whole lines, except that links keep only their words
    assert all(line in source for line in kept)


def test_copyright_line_and_markdown_related_heading():
    text = "\n".join([*BODY, "", "## Related", "- [Ministers meet](/a)", "- [Trade statement](/b)", "",
                      "Copyright 2021 Example News. All rights reserved."])
    cleaned, removed = remove_furniture(text)
    assert cleaned == "\n".join(BODY)
    assert kinds(removed) == ["link_list", "copyright"]
