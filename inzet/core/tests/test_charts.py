import math
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import matplotlib
import pytest

from inzet.core import charts

NS = {"svg": "http://www.w3.org/2000/svg"}
AXES = ["SamenwerkingsKracht", "Vrijwilligersbeleid en waardering", "Werving", "Begeleiding"]


def radar(**overrides):
    arguments = {
        "axes": AXES,
        "series": [("Zelfscan 2025", [100, 50, 0, 75]), ("Regio", [60, 70, 55, 40])],
        "title": "Zelfscan Súdwest-Fryslân",
    }
    return charts.radar_svg(**(arguments | overrides))


def parse(svg):
    return ET.fromstring(svg)


def group(root, key, name):
    found = root.find(f".//svg:g[@id='{key}-{name}']", NS)
    assert found is not None, f"no group {key}-{name}"
    return found


def vertices(path_d):
    numbers = [float(number) for number in re.findall(r"-?\d+(?:\.\d+)?", path_d)]
    return list(zip(numbers[::2], numbers[1::2], strict=True))


def centre_and_radius(root, key):
    ring = vertices(group(root, key, "ring-100").find("svg:path", NS).get("d"))[:-1]  # last repeats the first
    cx = sum(x for x, _y in ring) / len(ring)
    cy = sum(y for _x, y in ring) / len(ring)
    return (cx, cy), math.dist((cx, cy), ring[0])


def texts(root):
    return [element.text for element in root.iter(f"{{{NS['svg']}}}text")]


def contrast_on_white(colour):
    def channel(value):
        value = int(value, 16) / 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(colour[index : index + 2]) for index in (1, 3, 5))
    return 1.05 / (0.2126 * red + 0.7152 * green + 0.0722 * blue + 0.05)


def test_it_returns_inline_svg_that_scales_with_its_container():
    svg = radar()

    assert svg.startswith("<svg ")
    assert "<?xml" not in svg and "DOCTYPE" not in svg and "metadata" not in svg and "<style" not in svg
    root = parse(svg)
    assert root.get("viewBox")
    assert root.get("width") is None and root.get("height") is None
    assert root.get("class") == "inzet-chart"


def test_it_names_and_describes_the_chart_for_assistive_technology():
    root = parse(radar(series=[("Zelfscan 2025", [72.5, None, 0, 100])], key="scan"))

    assert root.get("role") == "img"
    title = root.find(f"svg:title[@id='{root.get('aria-labelledby')}']", NS)
    assert title.text == "Zelfscan Súdwest-Fryslân"
    description = root.find("svg:desc", NS).text
    assert "SamenwerkingsKracht 72,5" in description
    assert "Vrijwilligersbeleid en waardering geen score" in description
    assert "Begeleiding 100" in description


def test_it_escapes_text_from_the_caller():
    svg = radar(title='<script>alert(1)</script> & "co"', series=[("<b>Stichting</b>", [1, 2, 3, 4])])

    assert "<script>" not in svg and "<b>" not in svg
    root = parse(svg)
    assert root.find("svg:title", NS).text == '<script>alert(1)</script> & "co"'
    assert "<b>Stichting</b>" in texts(root)


def test_it_keeps_axis_labels_and_series_names_as_text():
    words = " ".join(texts(parse(radar())))

    for label in ["SamenwerkingsKracht", "Vrijwilligersbeleid", "en waardering", "Werving", "Begeleiding"]:
        assert label in words
    assert "Zelfscan 2025" in words and "Regio" in words
    for ring in ["25", "50", "75", "100"]:
        assert ring in words.split()


def test_it_draws_one_line_per_series_each_with_its_own_colour_dash_and_marker():
    root = parse(
        radar(series=[("A", [10, 20, 30, 40]), ("B", [50, 60, 70, 80]), ("C", [90, 80, 70, 60])], key="three")
    )

    lines = [group(root, "three", f"series-{index}").find("svg:path", NS) for index in range(3)]
    assert root.find(".//svg:g[@id='three-series-3']", NS) is None
    assert [line.get("stroke") for line in lines] == [
        colour for colour, _style, _marker in charts.SERIES_STYLES
    ]
    assert len({line.get("stroke-dasharray") for line in lines}) == 3
    markers = [
        group(root, "three", f"series-{index}").find("svg:defs/svg:path", NS).get("d") for index in range(3)
    ]
    assert len(set(markers)) == 3


def test_it_uses_theme_colours_that_stand_out_against_white():
    for colour in [*(colour for colour, _style, _marker in charts.SERIES_STYLES), charts.GRID_COLOR]:
        assert contrast_on_white(colour) >= 3, colour


def test_it_places_each_value_at_its_distance_from_the_centre_clockwise_from_the_top():
    root = parse(radar(key="scale"))
    (cx, cy), radius = centre_and_radius(root, "scale")
    points = vertices(group(root, "scale", "series-0").find("svg:path", NS).get("d"))

    # Values 100, 50, 0, 75 on the axes top, right, bottom, left.
    assert [round(math.dist((cx, cy), point) / radius, 3) for point in points] == [1, 0.5, 0, 0.75, 1]
    top, right, _centre, left, _closing = points
    assert top[0] == pytest.approx(cx) and top[1] < cy
    assert right[0] > cx and right[1] == pytest.approx(cy)
    assert left[0] < cx
    assert vertices(group(root, "scale", "ring-50").find("svg:path", NS).get("d"))[0][1] == pytest.approx(
        cy - radius / 2
    )


def test_it_scales_to_another_maximum_and_clamps_values_outside_it():
    root = parse(radar(series=[("Schaal 1-5", [5, 2.5, 7, -1])], maximum=5, key="five"))
    centre, radius = centre_and_radius(root, "five")
    points = vertices(group(root, "five", "series-0").find("svg:path", NS).get("d"))

    assert [round(math.dist(centre, point) / radius, 3) for point in points] == [1, 0.5, 1, 0, 1]
    assert "1,2" in " ".join(texts(root))  # the 25 % ring of 5


def test_it_leaves_a_gap_where_a_value_is_missing_instead_of_drawing_a_score():
    root = parse(radar(series=[("Zelfscan", [80, None, 60, 40])], key="gap"))
    centre, radius = centre_and_radius(root, "gap")
    line = group(root, "gap", "series-0")
    points = vertices(line.find("svg:path", NS).get("d"))

    distances = sorted({round(math.dist(centre, point) / radius, 3) for point in points})
    assert distances == [0.4, 0.6, 0.8]  # nothing at the centre, nothing for the missing axis
    assert line.find("svg:path", NS).get("d").count("M") == 2  # the line is interrupted
    assert len(line.findall(".//svg:use", NS)) == 4  # markers for 80, 60, 40 and the closing 80
    assert "Ontbreekt een punt op een as, dan is daar geen score." in texts(root)
    assert "Ontbreekt een punt op een as, dan is daar geen score." not in texts(parse(radar()))


def test_it_gives_the_same_bytes_for_the_same_input():
    assert radar() == radar()
    assert radar() != radar(series=[("Zelfscan 2025", [100, 50, 0, 74])])


def test_two_charts_on_one_page_share_no_ids_and_refer_only_to_their_own():
    first, second = parse(radar()), parse(radar(series=[("Regio", [1, 2, 3, 4])]))
    same_input_with_keys = [parse(radar(key="links")), parse(radar(key="rechts"))]

    for one, other in [(first, second), tuple(same_input_with_keys)]:
        ids = [{element.get("id") for element in root.iter() if element.get("id")} for root in (one, other)]
        assert not ids[0] & ids[1]
        for root, own in zip((one, other), ids, strict=True):
            references = set()
            for element in root.iter():
                references.update(re.findall(r"url\(#([^)]+)\)", " ".join(element.attrib.values())))
                if element.get("href", "").startswith("#"):
                    references.add(element.get("href")[1:])
            assert references and references <= own
            assert all(identifier.startswith(root.get("id")) for identifier in own)


def test_it_makes_a_usable_id_from_any_key():
    assert parse(radar(key="42 scan/één")).get("id") == "chart-42-scan---n"


def test_it_refuses_what_it_cannot_draw():
    with pytest.raises(ValueError):
        radar(axes=["A", "B"], series=[("S", [1, 2])])
    with pytest.raises(ValueError):
        radar(series=[(name, [1, 2, 3, 4]) for name in "ABCD"])
    with pytest.raises(ValueError):
        radar(series=[("S", [1, 2, 3])])


def test_it_leaves_matplotlib_global_state_alone_and_does_not_use_pyplot():
    # copy(), not dict(): reading rcParams["backend"] would itself import pyplot to resolve it.
    before = matplotlib.rcParams.copy()

    radar()

    assert "matplotlib.pyplot" not in sys.modules
    assert matplotlib.rcParams.copy() == before


def test_it_draws_the_same_without_a_writable_matplotlib_config_directory(tmp_path):
    script = (
        "import django; django.setup()\n"
        "from inzet.core.tests.test_charts import radar\n"
        "import sys; sys.stdout.write(radar())\n"
    )
    # A path below a file can never be created, not even by root: matplotlib must fall back to a temporary dir.
    blocker = tmp_path / "file"
    blocker.write_text("")
    environment = os.environ | {
        "MPLCONFIGDIR": str(blocker / "mpl"),
        "HOME": str(blocker / "home"),
        "DJANGO_SETTINGS_MODULE": "inzet.settings_test",
    }
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env=environment,
        cwd=Path(__file__).resolve().parents[3],
        timeout=120,
        check=True,
    )

    assert result.stdout == radar()


def test_it_draws_ranked_bars_with_their_numbers():
    root = parse(
        charts.bar_svg(
            labels=["Werving en selectie", "Financiën", "PR"],
            values=[42, 17.5, 0],
            title="Thema's",
            key="themes",
        )
    )

    assert root.get("role") == "img" and root.find("svg:title", NS).text == "Thema's"
    assert root.find("svg:desc", NS).text == "Werving en selectie: 42; Financiën: 17,5; PR: 0"
    words = texts(root)
    assert {"Werving en selectie", "Financiën", "PR", "42", "17,5", "0"} <= set(words)
    widths = [
        vertices(group(root, "themes", f"bar-{index}").find("svg:path", NS).get("d")) for index in range(3)
    ]
    spans = [max(x for x, _y in bar) - min(x for x, _y in bar) for bar in widths]
    assert spans[1] / spans[0] == pytest.approx(17.5 / 42, rel=1e-3)
    assert spans[2] == pytest.approx(0)
    # First label on top.
    assert min(y for _x, y in widths[0]) < min(y for _x, y in widths[1])
