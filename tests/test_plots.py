"""The release plots' structure on small hand-made tables: a real date axis, legends, edge weights
and the notes that count what a plot leaves out."""
from __future__ import annotations

import datetime as dt

import matplotlib.dates as mdates
from matplotlib.patches import StepPatch
import matplotlib.pyplot as plt
import polars as pl
import pytest
from matplotlib.legend import Legend

from pipeline.release import plots

EVENT_SCHEMA = {"doc_id": pl.String, "event_type": pl.String, "event_date": pl.Date, "actor": pl.String, "actor_code": pl.String,
                "actor_entity_id": pl.String, "recipient": pl.String, "recipient_code": pl.String,
                "recipient_entity_id": pl.String}


def events(rows: list[tuple], doc_id: str = "d0") -> pl.DataFrame:
    """rows of (type, date or None, actor code, recipient code); codes name entities e-<code>."""
    return pl.DataFrame([{"doc_id": doc_id, "event_type": t, "event_date": d, "actor": a, "actor_code": a, "actor_entity_id": f"e-{a}",
                          "recipient": r, "recipient_code": r, "recipient_entity_id": f"e-{r}"}
                         for t, d, a, r in rows], schema=EVENT_SCHEMA)


def documents(dates: list) -> pl.DataFrame:
    """Documents d0, d1, ... published on `dates`."""
    return pl.DataFrame({"doc_id": [f"d{i}" for i in range(len(dates))], "published_date": dates},
                        schema={"doc_id": pl.String, "published_date": pl.Date})


def heights(patch):
    """(period start, events of this type in it) for each period of one type's step patch."""
    values, edges, baseline = patch.get_data()
    return [(mdates.num2date(edge).date(), top - low) for edge, top, low in zip(edges, values, baseline)]


def bar_starts(ax) -> set[dt.date]:
    """The periods that hold at least one event of some type."""
    steps = [patch for patch in ax.patches if isinstance(patch, StepPatch)]  # not the shaded window
    return {start for patch in steps for start, height in heights(patch) if height > 0}


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


SHORT = events([("CONSULT", dt.date(2024, 1, 15), "JPN", "CHN"), ("CONSULT", dt.date(2024, 1, 20), "JPN", "CHN"),
                ("AGREE", dt.date(2024, 3, 2), "USA", "JPN"), ("ACCUSE", dt.date(2024, 6, 30), "CHN", "JPN"),
                ("AGREE", None, "USA", "UN")], doc_id="d1")  # d1 has no publication date


def test_timeline_has_a_date_axis_months_as_bars_a_legend_and_a_note():
    fig = plots.timeline_figure(SHORT, documents([dt.date(2024, 1, 1), None, dt.date(2024, 5, 1)]))
    assert len(fig.axes) == 1
    ax = fig.axes[0]
    assert isinstance(ax.xaxis.get_major_formatter(), mdates.ConciseDateFormatter)
    assert bar_starts(ax) == {dt.date(2024, 1, 1), dt.date(2024, 3, 1), dt.date(2024, 6, 1)}
    # two CONSULT events in January make one bar of height 2
    assert max(height for patch in ax.patches if isinstance(patch, StepPatch) for _, height in heights(patch)) == 2
    labels = [text.get_text() for text in fig.legends[0].get_texts()]
    assert labels == ["AGREE", "CONSULT", "ACCUSE"]  # the PLOVER order, only types present
    note = " ".join(text.get_text() for text in fig.texts)
    assert "4 of 5 events are placed by their own date, 0 by their document's publication date; " \
           "1 have neither" in note and "1 of 3 documents have no publication date" in note


def test_an_event_without_a_date_of_its_own_is_placed_at_its_documents_date():
    reported = events([("AGREE", None, "USA", "UN")], doc_id="d0")
    fig = plots.timeline_figure(pl.concat([SHORT, reported]), documents([dt.date(2024, 5, 20), None]))
    assert dt.date(2024, 5, 1) in bar_starts(fig.axes[0])
    assert "4 of 6 events are placed by their own date, 1 by their document's" in " ".join(t.get_text() for t in fig.texts)


def test_a_long_timeline_shows_every_year_and_the_busiest_years_by_month():
    rows = [("AGREE", dt.date(1950, 9, 1), "JPN", "CHN")]
    rows += [("CONSULT", dt.date(2010 + i % 14, 1 + i % 12, 1), "USA", "JPN") for i in range(60)]
    fig = plots.timeline_figure(events(rows), documents([dt.date(2020, 1, 1)]))
    yearly, monthly = fig.axes
    assert dt.date(1950, 1, 1) in bar_starts(yearly) and dt.date(2023, 1, 1) in bar_starts(yearly)
    months = bar_starts(monthly)
    # 2010-2013 hold five events each, later years four: the busiest twelve years start in 2010
    assert {d.year for d in months} == set(range(2010, 2022)) and len({d.month for d in months}) == 12
    assert f"the {plots.YEARS_SHOWN} years with most dated events" in " ".join(t.get_text() for t in fig.texts)


def test_busiest_years_takes_the_window_with_most_events():
    dated = plots.dated_events(events([("AGREE", dt.date(y, 1, 1), "A", "B") for y in [1950, 1990, 1991, 1991, 2020]]),
                               None)
    assert plots.busiest_years(dated, span=2) == (1990, 1991)
    assert plots.busiest_years(dated, span=100) == (1950, 2020)


def test_network_has_a_legend_by_entity_kind_and_labelled_edge_weights():
    # USA's only entity is a person (a president's events carry their state's code): still a state node
    entities = pl.DataFrame({"entity_id": ["e-JPN", "e-CHN", "e-USA", "e-UN"],
                             "entity_type": ["state", "state", "person", "igo"]})
    assert plots.node_kinds(SHORT, entities) == {"JPN": "state", "CHN": "state", "USA": "state", "UN": "igo"}
    fig = plots.network_figure(SHORT, entities)
    ax = fig.axes[0]
    legends = [child for child in ax.get_children() if isinstance(child, Legend)]
    assert len(legends) == 2  # what the nodes are, and what the arrow widths mean
    legend = [text.get_text() for lg in legends for text in lg.get_texts()]
    assert "state" in legend and "intergovernmental body" in legend
    assert "1 event" in legend and "2 events" in legend
    texts = [text.get_text() for text in ax.texts]
    assert {"JPN", "CHN", "USA", "UN"} <= set(texts)
    assert sorted(t for t in texts if t.isdigit()) == ["1", "1", "1", "2"]  # one count per edge


def test_empty_timeline_still_counts_what_it_cannot_show():
    fig = plots.timeline_figure(SHORT.filter(pl.col("event_date").is_null()), documents([None, None]))
    shown = " ".join(text.get_text() for ax in fig.axes for text in ax.texts)
    assert "No dated events" in shown and "1 have neither" in shown and "2 of 2 documents" in shown
