"""Charts drawn on the server as inline SVG (DESIGN.md §4). A page shows the same numbers in a table too.

Each function returns `<svg>` markup to put in a template with `|safe`: it scales to its container (viewBox,
no width or height), is `role="img"` named by its `<title>`, lists the numbers in its `<desc>`, keeps text as
text, and is byte-for-byte the same for the same input. The title is not drawn: put a visible heading or
<figcaption> beside the chart. Every id inside starts with `key` so that two charts
can share a page; without a key one is derived from the input, so pass distinct keys when the same chart
appears twice on one page.
"""

import hashlib
import io
import json
import math
import re
import textwrap
import threading
import xml.etree.ElementTree as ET

from django.utils import formats
from django.utils.translation import gettext as _

# Theme colours (tokens.css) with their contrast against white; WCAG 1.4.11 asks >= 3:1 for chart lines.
# Series also differ in line style and marker, so that colour is never the only difference.
SERIES_STYLES = [
    ("#0e5a6b", "solid", "o"),  # primary, 7.8:1
    ("#8a6100", "dashed", "s"),  # warning, 5.3:1
    ("#b3001b", "dotted", "^"),  # error, 7.2:1
]
TEXT_COLOR = "#1a1a1a"
MUTED_COLOR = "#4a5a60"  # 7.2:1
GRID_COLOR = "#5c6b70"  # 5.5:1
RING_LEVELS = (0.25, 0.5, 0.75, 1.0)

# Text is measured with DejaVu Sans, which ships with matplotlib (so output does not depend on the fonts or
# the font cache of the machine); browsers draw it in the page's font, which is narrower, so it still fits.
FONT_STACK = "system-ui, 'Segoe UI', Roboto, 'Helvetica Neue', 'Noto Sans', Arial, 'DejaVu Sans', sans-serif"
RC_PARAMS = {
    "svg.fonttype": "none",  # text stays text: selectable, searchable, read by PDF text extraction
    "svg.hashsalt": "inzet",  # stable ids for the same input
    "font.family": "DejaVu Sans",
    "font.size": 11,
    "text.color": TEXT_COLOR,
    "lines.solid_capstyle": "round",
    "path.simplify": False,
}

_SVG_NS = "http://www.w3.org/2000/svg"
_XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
# rcParams are process-global and rc_context restores them on exit, which would pull them from under a
# render in another thread; drawing is CPU-bound under the GIL anyway, so serialising costs little.
_LOCK = threading.Lock()


def radar_svg(
    *,
    axes: list[str],
    series: list[tuple[str, list[float | None]]],
    title: str,
    maximum: float = 100,
    key: str | None = None,
) -> str:
    """A radar chart of one to three series on a 0..maximum scale, rings at 25/50/75/100 % of maximum.

    A value of None ("no score") is not drawn as a point: the series' line is interrupted at that axis (the
    lines to its neighbours are left out), a note under the legend says so, and `<desc>` says "geen score".
    Values outside 0..maximum are clamped to it.
    """
    if len(axes) < 3:
        raise ValueError("A radar chart needs at least three axes.")
    if not 1 <= len(series) <= len(SERIES_STYLES):
        raise ValueError(f"A radar chart shows one to {len(SERIES_STYLES)} series.")
    if any(len(values) != len(axes) for _name, values in series):
        raise ValueError("Every series needs one value per axis.")
    if maximum <= 0:
        raise ValueError("maximum must be positive.")

    key = _chart_key(key, "radar", axes, series, title, maximum)
    # Clockwise from the top, the way radar charts are read.
    angles = [math.pi / 2 - 2 * math.pi * index / len(axes) for index in range(len(axes))]
    missing = any(value is None for _name, values in series for value in values)

    def point(radius, angle):
        return radius * math.cos(angle), radius * math.sin(angle)

    def draw(fig):
        ax = fig.add_axes((0, 0, 1, 1))
        ax.set_xlim(-1.05, 1.05)
        ax.set_ylim(-1.05, 1.05)
        ax.set_aspect("equal")
        ax.set_axis_off()
        for level in RING_LEVELS:
            xs, ys = zip(*(point(level, angle) for angle in angles + angles[:1]), strict=True)
            ax.plot(
                xs,
                ys,
                color=GRID_COLOR,
                linewidth=1 if level == 1 else 0.5,
                gid=f"ring-{level * 100:g}",
                clip_on=False,
            )
            # Above the lines, on a white patch, so that a line crossing the number cannot hide it.
            ax.text(
                0.03,
                level,
                _number(level * maximum),
                color=MUTED_COLOR,
                fontsize=8.5,
                va="bottom",
                zorder=5,
                bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.5, "alpha": 0.85},
            )
        for index, (label, angle) in enumerate(zip(axes, angles, strict=True)):
            ax.plot(
                *zip((0, 0), point(1, angle), strict=True),
                color=GRID_COLOR,
                linewidth=0.5,
                gid=f"spoke-{index}",
                clip_on=False,
            )
            x, y = point(1.1, angle)
            ax.text(
                x,
                y,
                textwrap.fill(label, 18, break_long_words=False),
                ha="left" if x > 0.1 else "right" if x < -0.1 else "center",
                va="bottom" if y > 0.1 else "top" if y < -0.1 else "center",
                multialignment="center",
            )
        handles = []
        for index, (name, values) in enumerate(series):
            color, linestyle, marker = SERIES_STYLES[index]
            # NaN breaks a matplotlib line: no point and no segments to the neighbouring axes.
            radii = [math.nan if value is None else min(max(value, 0), maximum) / maximum for value in values]
            xs, ys = zip(
                *(point(r, a) for r, a in zip(radii + radii[:1], angles + angles[:1], strict=True)),
                strict=True,
            )
            (line,) = ax.plot(
                xs,
                ys,
                color=color,
                linestyle=linestyle,
                linewidth=2.2,
                marker=marker,
                markersize=7,
                label=name,
                gid=f"series-{index}",
                clip_on=False,
            )
            handles.append(line)
        legend = ax.legend(
            handles=handles,
            loc="upper center",
            bbox_to_anchor=(0.5, -0.1),
            ncols=1 if any(len(name) > 24 for name, _values in series) else len(series),
            frameon=False,
            handlelength=3,
        )
        if missing:
            ax.annotate(
                _("Ontbreekt een punt op een as, dan is daar geen score."),
                xy=(0.5, 0),
                xycoords=legend,
                xytext=(0, -2),
                textcoords="offset points",
                ha="center",
                va="top",
                color=MUTED_COLOR,
                fontsize=9,
            )

    description = "; ".join(
        f"{name}: "
        + ", ".join(
            f"{axis} {_('geen score') if value is None else _number(value)}"
            for axis, value in zip(axes, values, strict=True)
        )
        for name, values in series
    )
    return _render(draw, figsize=(6.4, 5.6), key=key, title=title, description=description)


def bar_svg(*, labels: list[str], values: list[float], title: str, key: str | None = None) -> str:
    """Horizontal bars, first label on top (pass them in ranking order), each bar with its number at the end."""
    if len(labels) != len(values):
        raise ValueError("One value per label.")
    key = _chart_key(key, "bar", labels, values, title)
    top = max([*values, 0]) or 1

    def draw(fig):
        ax = fig.add_axes((0, 0, 1, 1))
        positions = range(len(labels))
        bars = ax.barh(positions, values, height=0.6, color=SERIES_STYLES[0][0])
        for index, bar in enumerate(bars):
            bar.set_gid(f"bar-{index}")
        for position, value in zip(positions, values, strict=True):
            ax.text(value + top * 0.01, position, _number(value), va="center")
        ax.set_yticks(positions, [textwrap.fill(label, 30, break_long_words=False) for label in labels])
        ax.invert_yaxis()
        ax.set_xlim(0, top * 1.12)
        ax.tick_params(axis="y", length=0)
        ax.xaxis.set_visible(False)
        for side in ("top", "right", "bottom"):
            ax.spines[side].set_visible(False)
        ax.spines["left"].set_color(GRID_COLOR)

    description = "; ".join(f"{label}: {_number(value)}" for label, value in zip(labels, values, strict=True))
    return _render(
        draw, figsize=(6.4, 0.5 * max(len(labels), 1) + 0.3), key=key, title=title, description=description
    )


def _number(value: float) -> str:
    """Dutch notation ("72,5"), no decimals for whole numbers."""
    return formats.number_format(round(value, 1), decimal_pos=0 if float(value).is_integer() else 1)


def _chart_key(key: str | None, *parts) -> str:
    if key is None:
        digest = hashlib.sha256(json.dumps(parts, default=str).encode()).hexdigest()[:10]
        return f"chart-{parts[0]}-{digest}"
    key = re.sub(r"[^A-Za-z0-9_-]", "-", key)
    # An id must start with a letter to be usable in CSS selectors and url(#...) references.
    return key if key[:1].isalpha() else f"chart-{key}"


def _render(draw, *, figsize, key: str, title: str, description: str) -> str:
    # Imported here: Django starts without loading matplotlib, and only pages with charts pay for it.
    import matplotlib
    import matplotlib.style
    from matplotlib.figure import Figure

    buffer = io.BytesIO()
    with _LOCK, matplotlib.style.context("default"), matplotlib.rc_context(RC_PARAMS):
        # A Figure without pyplot: no global figure registry, no GUI backend; savefig picks the SVG canvas.
        fig = Figure(figsize=figsize)
        fig.patch.set_visible(False)
        draw(fig)
        # bbox_inches="tight" grows the picture to hold every label, so long axis names are never cut off.
        fig.savefig(buffer, format="svg", bbox_inches="tight", pad_inches=0.05, metadata={"Date": None})
    return _finish_svg(buffer.getvalue(), key=key, title=title, description=description)


def _finish_svg(raw: bytes, *, key: str, title: str, description: str) -> str:
    """Inline-ready markup: accessible, responsive, no metadata, every id and reference prefixed with key."""
    root = ET.fromstring(raw)
    for metadata in root.findall(f"{{{_SVG_NS}}}metadata"):
        root.remove(metadata)
    ids = {element.get("id") for element in root.iter() if element.get("id")}

    def prefixed(match):
        name = match.group(1)
        return f"url(#{key}-{name})" if name in ids else match.group(0)

    for element in root.iter():
        if element.get("id"):
            element.set("id", f"{key}-{element.get('id')}")
        # SVG 2's plain href (browsers and WeasyPrint read it) spares an xlink namespace declaration.
        href = element.attrib.pop(_XLINK_HREF, None)
        if href:
            element.set("href", f"#{key}-{href[1:]}" if href[1:] in ids else href)
        for name, value in element.attrib.items():
            if "url(#" in value:
                element.set(name, re.sub(r"url\(#([^)]+)\)", prefixed, value))
        # Style attributes become presentation attributes: a Content-Security-Policy without 'unsafe-inline'
        # allows them, and WeasyPrint, which reads style attributes as HTML CSS, no longer logs each one.
        for declaration in element.attrib.pop("style", "").split(";"):
            name, _colon, value = declaration.partition(":")
            if name.strip() and value.strip():
                element.set(name.strip(), FONT_STACK if name.strip() == "font-family" else value.strip())
    # matplotlib's <style> holds "*{stroke-linejoin: round; stroke-linecap: butt}", which would style every SVG
    # on the page and beat the presentation attributes; both properties inherit, so the root carries them.
    for defs in root.findall(f"{{{_SVG_NS}}}defs"):
        for style in defs.findall(f"{{{_SVG_NS}}}style"):
            defs.remove(style)
        if not len(defs):
            root.remove(defs)
    root.set("stroke-linejoin", "round")
    root.set("stroke-linecap", "butt")

    for attribute in ("width", "height", "version"):
        root.attrib.pop(attribute, None)
    root.set("id", key)
    root.set("class", "inzet-chart")
    root.set("role", "img")
    root.set("aria-labelledby", f"{key}-title")
    title_element = ET.Element(f"{{{_SVG_NS}}}title", id=f"{key}-title")
    title_element.text = title
    desc_element = ET.Element(f"{{{_SVG_NS}}}desc", id=f"{key}-desc")
    desc_element.text = description
    root.insert(0, desc_element)
    root.insert(0, title_element)
    # ElementTree would write "ns0:" prefixes (its default_namespace option rejects plain attributes), so the
    # SVG namespace is made the default by hand.
    for element in root.iter():
        element.tag = element.tag.removeprefix(f"{{{_SVG_NS}}}")
    root.set("xmlns", _SVG_NS)
    return ET.tostring(root, encoding="unicode")
