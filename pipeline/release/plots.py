"""PNG plots in every release: an event timeline by type, the most active actor -> recipient pairs
and the top speakers. Same data, same bytes: Agg backend, fixed sizes, no timestamps in the files."""
from __future__ import annotations

import datetime as dt
import math
import re
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import polars as pl  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402

from schemas._base import ISO3  # noqa: E402
from schemas.vocab import EVENT_TYPES  # noqa: E402

PLOT_FILES = {"events_timeline.png": "Events per year and month by PLOVER type",
              "actor_network.png": "Most active actor to recipient pairs",
              "top_speakers.png": "Speakers with the most quotes"}
TOP_PAIRS = 15
YEARS_SHOWN = 12  # months are drawn for this many years at most (the busiest), years for the whole span
EDGE_BEND = 0.12
LABEL_AT = 0.62  # where along an edge (0 actor, 1 recipient) its count is written
# network node colours by entity_type; None: no entity (a name the extractor could not resolve)
NODE_COLORS = {"state": "tab:orange", "igo": "tab:purple", "organization": "tab:green", "person": "tab:red",
               "group": "tab:brown", "location": "tab:olive", None: "0.6"}
KIND_LABELS = {"state": "state", "igo": "intergovernmental body", "organization": "organisation",
               "person": "person", "group": "group", "location": "place", None: "other (no entity)"}
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


def type_colors() -> dict[str, tuple]:
    """One fixed colour per PLOVER type, the same in every release: tab20's ten strong colours,
    then its light ones, so neighbouring types in the stack differ."""
    palette = plt.get_cmap("tab20")
    order = list(range(0, 20, 2)) + list(range(1, 20, 2))
    return {event_type: palette(order[i]) for i, event_type in enumerate(EVENT_TYPES)}


def period_counts(dated: pl.DataFrame, every: str) -> pl.DataFrame:
    """Dated events per period ("1mo" or "1y") and type, periods named by their first day."""
    return (dated.with_columns(period=pl.col("when").dt.truncate(every))
            .group_by("period", "event_type").len().sort("period", "event_type"))


def busiest_years(dated: pl.DataFrame, span: int = YEARS_SHOWN) -> tuple[int, int]:
    """(first, last) year of the `span`-year window holding the most dated events (the latest such
    window on a tie): a monthly axis over eighty years would be bars too thin to read."""
    per_year = dict(dated.group_by(pl.col("when").dt.year()).len().iter_rows())
    low, high = min(per_year), max(per_year)
    if high - low < span:
        return low, high
    starts = range(low, high - span + 2)
    best = max(starts, key=lambda start: (sum(per_year.get(y, 0) for y in range(start, start + span)), start))
    return best, best + span - 1


def stacked_bars(ax, counts: pl.DataFrame, every: str, colors: dict) -> None:
    """Counts stacked by type on a real date axis, one filled step outline per type over every
    period from the first to the last (`every`: "1y" or "1mo"). One patch per type, not one bar
    per period and type: on the full corpus that was two thousand patches and two seconds of
    every build."""
    first, last = counts["period"].min(), counts["period"].max()
    periods = pl.date_range(first, last, every, eager=True).to_list()
    step = pl.date_range(last, last, every, eager=True).dt.offset_by(every)[0]  # the end of the last period
    edges = mdates.date2num(periods + [step])
    bottom = [0] * len(periods)
    present = set(counts["event_type"])
    for event_type in (t for t in EVENT_TYPES if t in present):
        per = dict(counts.filter(pl.col("event_type") == event_type).select("period", "len").iter_rows())
        top = [b + per.get(p, 0) for b, p in zip(bottom, periods)]
        ax.stairs(top, edges, baseline=bottom, fill=True, label=event_type, color=colors[event_type], linewidth=0)
        bottom = top
    ax.xaxis_date()
    locator = mdates.AutoDateLocator(minticks=4, maxticks=12)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.set_ylabel("events")
    ax.grid(axis="y", color="0.9")
    ax.set_axisbelow(True)


def dated_events(events: pl.DataFrame, documents: pl.DataFrame | None) -> pl.DataFrame:
    """Events with a `when`: their own date, else their document's publication date (when they were
    reported). Most events in speeches and statements name no date of their own."""
    if documents is None:
        return events.with_columns(when=pl.col("event_date"))
    reported = documents.select("doc_id", pl.col("published_date").alias("reported"))
    return events.join(reported, on="doc_id", how="left").with_columns(when=pl.coalesce("event_date", "reported"))


def undated_note(events: pl.DataFrame, documents: pl.DataFrame | None) -> str:
    own = events.height - events["event_date"].null_count()
    undated = events["when"].null_count()
    note = (f"{own:,} of {events.height:,} events are placed by their own date, {events.height - own - undated:,} "
            f"by their document's publication date; {undated:,} have neither and are not shown")
    if documents is not None:
        note += f"; {documents['published_date'].null_count():,} of {documents.height:,} documents have no publication date"
    return note + "."


def timeline_figure(events: pl.DataFrame, documents: pl.DataFrame | None = None):
    title = "Events by PLOVER type over time (the event's own date, else its document's)"
    events = dated_events(events, documents)
    dated = events.filter(pl.col("when").is_not_null())
    if dated.is_empty():
        return empty_figure(title, "No dated events in this release\n" + undated_note(events, documents))
    colors = type_colors()
    first, last = busiest_years(dated)
    window = dated.filter(pl.col("when").dt.year().is_between(first, last))
    whole_span = window.height == dated.height
    fig, axes = plt.subplots(1 if whole_span else 2, 1, figsize=(12, 5.5 if whole_span else 8.5), squeeze=False,
                             height_ratios=None if whole_span else [1, 1.6])
    monthly = axes[-1][0]
    notes = [undated_note(events, documents)]
    if not whole_span:
        overview = axes[0][0]
        stacked_bars(overview, period_counts(dated, "1y"), "1y", colors)
        overview.set_title(f"Events per year, {dated['when'].min().year}–{dated['when'].max().year}",
                           fontsize=10)
        overview.axvspan(dt.date(first, 1, 1), dt.date(last, 12, 31), color="0.5", alpha=0.12, linewidth=0)
        notes.insert(0, f"Per month: {first}–{last}, the {YEARS_SHOWN} years with most dated events "
                        f"({window.height:,} of {dated.height:,}; shaded above).")
    stacked_bars(monthly, period_counts(window, "1mo"), "1mo", colors)
    monthly.set_title(f"Events per month, {first}–{last}", fontsize=10)
    handles, labels = monthly.get_legend_handles_labels()
    fig.legend(handles, labels, loc="center right", title="PLOVER type", fontsize=8, title_fontsize=9, frameon=False)
    fig.suptitle(title)
    fig.text(0.01, 0.01, "\n".join(notes), fontsize=8, color="0.3", ha="left", va="bottom")
    fig.tight_layout(rect=(0, 0.03 * len(notes) + 0.01, 0.87, 1))
    return fig


def pair_counts(events: pl.DataFrame, top: int = TOP_PAIRS) -> list[tuple[str, str, int]]:
    pairs = events.select(source=pl.coalesce("actor_code", "actor"), target=pl.coalesce("recipient_code", "recipient"))
    pairs = pairs.drop_nulls().filter(pl.col("source") != pl.col("target"))
    counted = pairs.group_by("source", "target").len().sort(["len", "source", "target"], descending=[True, False, False])
    return [tuple(row) for row in counted.head(top).iter_rows()]


def node_kinds(events: pl.DataFrame, entities: pl.DataFrame | None) -> dict[str, str]:
    """What each network node is. A node named by a code (a state's ISO3 code or a body's short
    name) also stands for the people and offices of that state, so it is a state or an
    intergovernmental body; a node named by a name takes its entities' most common type."""
    if entities is None:
        return {}
    kind = dict(entities.select("entity_id", "entity_type").iter_rows())
    types: dict[str, list[str]] = {}
    coded: set[str] = set()
    for side in ("actor", "recipient"):
        for code, name, entity in events.select(f"{side}_code", side, f"{side}_entity_id").iter_rows():
            node = code or name
            if node is None:
                continue
            if code:
                coded.add(node)
            types.setdefault(node, []).extend([kind[entity]] if entity in kind else [])
    return {node: coded_kind(node, found) if node in coded else most_common(found) for node, found in types.items()}


def coded_kind(code: str, found: list[str]) -> str:
    for wanted in ("state", "igo"):
        if wanted in found:
            return wanted
    return "state" if re.fullmatch(ISO3, code) else "igo"


def most_common(found: list[str]) -> str | None:
    return max(sorted(set(found)), key=found.count) if found else None


def circle_positions(nodes: list[str]) -> dict[str, tuple[float, float]]:
    step = 2 * math.pi / max(len(nodes), 1)
    return {node: (math.cos(math.pi / 2 - i * step), math.sin(math.pi / 2 - i * step)) for i, node in enumerate(nodes)}


def edge_width(n: int, most: int) -> float:
    return 0.8 + 5 * n / most


def draw_edge(ax, start: tuple, end: tuple, n: int, most: int) -> None:
    """A curved arrow (so A→B and B→A stay apart) labelled with its event count at its middle."""
    ax.annotate("", xy=end, xytext=start,
                arrowprops={"arrowstyle": "-|>", "lw": edge_width(n, most), "color": "tab:blue", "alpha": 0.55,
                            "shrinkA": 14, "shrinkB": 14, "connectionstyle": f"arc3,rad={EDGE_BEND}"})
    # matplotlib's arc3 curve is a quadratic Bézier whose control point is offset from the chord's
    # middle; the label sits past the middle, towards the recipient, where crossing edges part
    dx, dy = end[0] - start[0], end[1] - start[1]
    control = ((start[0] + end[0]) / 2 + EDGE_BEND * dy, (start[1] + end[1]) / 2 - EDGE_BEND * dx)
    t = LABEL_AT
    x, y = ((1 - t) ** 2 * start[i] + 2 * (1 - t) * t * control[i] + t ** 2 * end[i] for i in (0, 1))
    ax.text(x, y, str(n), fontsize=8, ha="center", va="center", color="navy",
            bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.8})


def network_legend(ax, kinds_shown: list, most: int) -> None:
    """Node colours (what an actor is) at the lower left, arrow widths (how many events) at the right."""
    nodes = [Line2D([], [], marker="o", linestyle="", markersize=10, color=NODE_COLORS.get(k, NODE_COLORS[None]),
                    label=KIND_LABELS.get(k, k)) for k in kinds_shown]
    kinds = ax.legend(handles=nodes, loc="lower left", fontsize=8, title="actor (ISO3 code or name)",
                      title_fontsize=8, frameon=False)
    ax.add_artist(kinds)
    steps = sorted({1, max(1, most // 2), most})
    edges = [Line2D([], [], color="tab:blue", alpha=0.55, lw=edge_width(n, most), label=f"{n} event{'s' * (n != 1)}")
             for n in steps]
    ax.legend(handles=edges, loc="lower right", fontsize=8, title="actor → recipient: events",
              title_fontsize=8, frameon=False)


def network_figure(events: pl.DataFrame, entities: pl.DataFrame | None = None):
    title = f"Most active actor → recipient pairs (top {TOP_PAIRS}, by event count)"
    pairs = pair_counts(events)
    if not pairs:
        return empty_figure(title, "No events with both an actor and a recipient")
    nodes = sorted({p for s, t, _ in pairs for p in (s, t)})
    pos, kinds = circle_positions(nodes), node_kinds(events, entities)
    fig, ax = plt.subplots(figsize=(9, 9.5))
    most = max(n for _, _, n in pairs)
    for source, target, n in pairs:
        draw_edge(ax, pos[source], pos[target], n, most)
    for node, (x, y) in pos.items():
        ax.plot(x, y, "o", color=NODE_COLORS.get(kinds.get(node), NODE_COLORS[None]), markersize=12, zorder=3)
        ax.text(x * 1.13, y * 1.13, short(node, 24), ha="center", va="center", fontsize=9)
    network_legend(ax, sorted({kinds.get(n) for n in nodes}, key=lambda k: list(NODE_COLORS).index(k)
                              if k in NODE_COLORS else len(NODE_COLORS)), most)
    ax.set_xlim(-1.4, 1.4)
    ax.set_ylim(-1.55, 1.3)
    ax.set_aspect("equal")
    ax.set_axis_off()
    ax.set_title(title)
    fig.tight_layout()
    return fig


def speaker_counts(quotes: pl.DataFrame, top: int = TOP_SPEAKERS) -> list[tuple[str, int]]:
    counted = quotes.drop_nulls("speaker").group_by("speaker").len()
    return [tuple(row) for row in counted.sort(["len", "speaker"], descending=[True, False]).head(top).iter_rows()]


def short(name: str, most: int = 40) -> str:
    return name if len(name) <= most else name[:most - 1] + "…"


def speakers_figure(quotes: pl.DataFrame):
    title = f"Top speakers by number of quotes (top {TOP_SPEAKERS})"
    counts = speaker_counts(quotes)
    if not counts:
        return empty_figure(title, "No attributed quotes in this release")
    fig, ax = plt.subplots(figsize=(9, 0.4 * len(counts) + 1.5))
    names, values = [short(c[0]) for c in counts][::-1], [c[1] for c in counts][::-1]
    bars = ax.barh(range(len(names)), values, color="tab:green")
    ax.bar_label(bars, padding=3, fontsize=8)
    ax.set_yticks(range(len(names)), names, fontsize=9)
    ax.set_xlabel("quotes")
    ax.margins(x=0.08)
    ax.set_title(title)
    fig.tight_layout()
    return fig


def write_plots(folder: Path, frames: dict[str, pl.DataFrame], previous, version) -> dict:
    """Release writer: the three PNG plots."""
    figures = {"events_timeline.png": timeline_figure(frames["events"], frames.get("documents")),
               "actor_network.png": network_figure(frames["events"], frames.get("entities")),
               "top_speakers.png": speakers_figure(frames["quotes"])}
    for name, fig in figures.items():
        save(fig, folder / name)
    return {name: {"table": None, "rows": None} for name in figures}
