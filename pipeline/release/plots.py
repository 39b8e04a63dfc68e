"""PNG plots in every release: an event timeline by type, the most active actor -> recipient pairs
and the top speakers. Same data, same bytes: Agg backend, fixed sizes, no timestamps in the files."""
from __future__ import annotations

import math
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import polars as pl  # noqa: E402

from schemas.vocab import EVENT_TYPES  # noqa: E402

PLOT_FILES = {"events_timeline.png": "Events per month by PLOVER type",
              "actor_network.png": "Most active actor to recipient pairs",
              "top_speakers.png": "Speakers with the most quotes"}
TOP_PAIRS = 15
TOP_SPEAKERS = 15
DPI = 100
PNG_METADATA = {"Software": None}  # keeps the matplotlib version out of the file


def save(fig, path: Path) -> None:
    fig.savefig(path, dpi=DPI, metadata=PNG_METADATA)
    plt.close(fig)


def empty_figure(title: str, message: str):
    fig, ax = plt.subplots(figsize=(8, 4.5))
    ax.set_title(title)
    ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=12, color="0.4", transform=ax.transAxes)
    ax.set_axis_off()
    return fig


def monthly_counts(events: pl.DataFrame) -> pl.DataFrame:
    dated = events.filter(pl.col("event_date").is_not_null())
    return (dated.with_columns(month=pl.col("event_date").dt.truncate("1mo"))
            .group_by("month", "event_type").len().sort("month", "event_type"))


def timeline_figure(events: pl.DataFrame):
    title = "Events per month by type (dated events; months without events are left out)"
    counts = monthly_counts(events)
    if counts.is_empty():
        return empty_figure(title, "No dated events in this release")
    months = counts["month"].unique().sort().to_list()
    fig, ax = plt.subplots(figsize=(11, 5))
    bottom = [0] * len(months)
    colors = plt.get_cmap("tab20")
    for i, event_type in enumerate(t for t in EVENT_TYPES if t in set(counts["event_type"])):
        per = dict(counts.filter(pl.col("event_type") == event_type).select("month", "len").iter_rows())
        heights = [per.get(m, 0) for m in months]
        ax.bar(range(len(months)), heights, bottom=bottom, label=event_type, color=colors(i % 20))
        bottom = [b + h for b, h in zip(bottom, heights)]
    ax.set_xticks(range(len(months)), [m.strftime("%Y-%m") for m in months], rotation=60, ha="right", fontsize=8)
    ax.set_ylabel("events")
    ax.set_title(title)
    ax.legend(fontsize=8, ncol=2, loc="upper left")
    fig.tight_layout()
    return fig


def pair_counts(events: pl.DataFrame, top: int = TOP_PAIRS) -> list[tuple[str, str, int]]:
    pairs = events.select(source=pl.coalesce("actor_code", "actor"), target=pl.coalesce("recipient_code", "recipient"))
    pairs = pairs.drop_nulls().filter(pl.col("source") != pl.col("target"))
    counted = pairs.group_by("source", "target").len().sort(["len", "source", "target"], descending=[True, False, False])
    return [tuple(row) for row in counted.head(top).iter_rows()]


def circle_positions(nodes: list[str]) -> dict[str, tuple[float, float]]:
    step = 2 * math.pi / max(len(nodes), 1)
    return {node: (math.cos(math.pi / 2 - i * step), math.sin(math.pi / 2 - i * step)) for i, node in enumerate(nodes)}


def network_figure(events: pl.DataFrame):
    title = f"Most active actor → recipient pairs (top {TOP_PAIRS}, by event count)"
    pairs = pair_counts(events)
    if not pairs:
        return empty_figure(title, "No events with both an actor and a recipient")
    pos = circle_positions(sorted({p for s, t, _ in pairs for p in (s, t)}))
    fig, ax = plt.subplots(figsize=(9, 9))
    most = max(n for _, _, n in pairs)
    for source, target, n in pairs:
        ax.annotate("", xy=pos[target], xytext=pos[source],
                    arrowprops={"arrowstyle": "-|>", "lw": 0.8 + 4 * n / most, "color": "tab:blue", "alpha": 0.6,
                                "shrinkA": 14, "shrinkB": 14, "connectionstyle": "arc3,rad=0.12"})
    for node, (x, y) in pos.items():
        ax.plot(x, y, "o", color="tab:orange", markersize=10)
        ax.text(x * 1.12, y * 1.12, node, ha="center", va="center", fontsize=9)
    ax.set_xlim(-1.4, 1.4)
    ax.set_ylim(-1.4, 1.4)
    ax.set_axis_off()
    ax.set_title(title)
    return fig


def speaker_counts(quotes: pl.DataFrame, top: int = TOP_SPEAKERS) -> list[tuple[str, int]]:
    counted = quotes.drop_nulls("speaker").group_by("speaker").len()
    return [tuple(row) for row in counted.sort(["len", "speaker"], descending=[True, False]).head(top).iter_rows()]


def speakers_figure(quotes: pl.DataFrame):
    title = f"Top speakers by number of quotes (top {TOP_SPEAKERS})"
    counts = speaker_counts(quotes)
    if not counts:
        return empty_figure(title, "No attributed quotes in this release")
    fig, ax = plt.subplots(figsize=(9, 0.4 * len(counts) + 1.5))
    names, values = [c[0] for c in counts][::-1], [c[1] for c in counts][::-1]
    ax.barh(range(len(names)), values, color="tab:green")
    ax.set_yticks(range(len(names)), names, fontsize=9)
    ax.set_xlabel("quotes")
    ax.set_title(title)
    fig.tight_layout()
    return fig


def write_plots(folder: Path, frames: dict[str, pl.DataFrame], previous, version) -> dict:
    """Release writer: the three PNG plots."""
    figures = {"events_timeline.png": timeline_figure(frames["events"]),
               "actor_network.png": network_figure(frames["events"]),
               "top_speakers.png": speakers_figure(frames["quotes"])}
    for name, fig in figures.items():
        save(fig, folder / name)
    return {name: {"table": None, "rows": None} for name in figures}
