"""Documents to download (DESIGN.md §4): PDF reports with WeasyPrint, spreadsheets with openpyxl."""

import datetime
import decimal
import io
import math
import mimetypes
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, unquote, urljoin

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone, translation

from inzet.core.exports import FORMULA_PREFIXES

PDF_CONTENT_TYPE = "application/pdf"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


# --- PDF -----------------------------------------------------------------------------------------------------


class RefusedURL(ValueError):
    """A report asked for something other than a static file; WeasyPrint logs it and leaves it out."""


def static_url_fetcher(base_url: str):
    """A WeasyPrint URL fetcher that serves our static files and refuses every other URL.

    Reports contain text that users typed; whatever ends up in the HTML, rendering must never make the server
    fetch a URL (SSRF) or read a file outside the static files. `data:` URLs are decoded, not fetched.
    """
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    static_prefix = urljoin(base_url, settings.STATIC_URL)

    class StaticFilesFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                return super().fetch(url, headers)
            if not url.startswith(static_prefix):
                raise RefusedURL(f"Refused {url[:200]!r}: a report may only use static files.")
            path = unquote(url.removeprefix(static_prefix).split("?")[0].split("#")[0])
            content = _static_file(path)
            if content is None:
                raise RefusedURL(f"No static file {path[:200]!r}.")
            content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
            return URLFetcherResponse(url, content, {"Content-Type": content_type})

    # Every other protocol is refused by the base class too, should fetch() ever fall through to it.
    return StaticFilesFetcher(allowed_protocols={"data"}, allow_redirects=False, timeout=1)


def _static_file(path: str) -> bytes | None:
    if not path or "\\" in path or "\0" in path or path.startswith("/") or ".." in path.split("/"):
        raise RefusedURL(f"Refused static path {path[:200]!r}.")
    # The finders serve the source files (DEBUG, tests); after collectstatic, the storage also knows the
    # hashed names that {% static %} writes in production.
    found = finders.find(path)
    if found:
        return Path(found).read_bytes()
    if staticfiles_storage.exists(path):
        with staticfiles_storage.open(path) as file:
            return file.read()
    return None


def render_pdf(template_name: str, context: dict, *, base_url: str | None = None) -> bytes:
    """The template (usually extending documents/base_pdf.html) as an A4 PDF in the active language.

    base_url resolves relative URLs in the template; only the static files under it are ever loaded.
    """
    from weasyprint import HTML  # a heavy import, paid only when a PDF is made

    base_url = base_url or f"{settings.SITE_URL}/"
    html = render_to_string(
        template_name, {"site_name": settings.SITE_NAME, "site_url": settings.SITE_URL, **context}
    )
    document = HTML(string=html, base_url=base_url, url_fetcher=static_url_fetcher(base_url)).render()
    document.metadata.title = document.metadata.title or settings.SITE_NAME
    document.metadata.authors = [settings.SITE_NAME]
    document.metadata.lang = translation.get_language() or settings.LANGUAGE_CODE
    # Tagged PDF: headings, tables and reading order survive for screen readers (WCAG applies to documents).
    return document.write_pdf(pdf_tags=True)


# --- Spreadsheets ----------------------------------------------------------------------------------------------

# Excel's limits: sheet names of at most 31 characters without these, cells of at most 32,767 characters.
_SHEET_TITLE_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
_MAX_CELL_LENGTH = 32767
_DATE_FORMAT = "dd-mm-yyyy"
_DATETIME_FORMAT = "dd-mm-yyyy hh:mm"
_NATIVE_TYPES = (bool, int, float, decimal.Decimal, str, datetime.date, datetime.time, datetime.timedelta)


@dataclass
class Sheet:
    """One worksheet: a bold, frozen, filterable header row above the rows.

    widths are in characters (None: fitted to the content); number_formats maps a column index (from 0) to an
    Excel number format such as "0.0" or "0%".
    """

    title: str
    header: list[str]
    rows: list[list]
    widths: list[float] | None = None
    number_formats: dict[int, str] = field(default_factory=dict)


def xlsx_bytes(sheets: list[Sheet]) -> bytes:
    """An .xlsx workbook. Numbers, dates and booleans keep their type; text can never become a formula."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import Cell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    # Write-only streams the rows out instead of keeping a cell object for each; exports can be large.
    workbook = Workbook(write_only=True)
    used_titles: set[str] = set()
    for number, sheet in enumerate(sheets, start=1):
        worksheet = workbook.create_sheet(_sheet_title(sheet.title, number, used_titles))
        columns = max([len(sheet.header), *(len(row) for row in sheet.rows)], default=0)
        widths = sheet.widths or _fitted_widths(sheet, columns)
        for index, width in enumerate(widths[:columns], start=1):
            worksheet.column_dimensions[get_column_letter(index)].width = width
        if columns:
            worksheet.freeze_panes = "A2"
            worksheet.auto_filter.ref = f"A1:{get_column_letter(columns)}{len(sheet.rows) + 1}"

        bold = Font(bold=True)
        header = []
        for title in sheet.header:
            cell = _cell(worksheet, str(title))
            cell = cell if isinstance(cell, Cell) else WriteOnlyCell(worksheet, value=cell)
            cell.font = bold
            header.append(cell)
        worksheet.append(header)
        formats = sheet.number_formats
        for row in sheet.rows:
            cells = []
            for index, value in enumerate(row):
                cell = _cell(worksheet, value, number_format=formats.get(index))
                cells.append(cell)
            worksheet.append(cells)

    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _cell(worksheet, value, *, number_format: str | None = None):
    """The value as openpyxl should write it: plain when it can (much faster), else a styled cell."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    value = _excel_value(value)
    if isinstance(value, str):
        # Control characters (pasted from elsewhere) would make openpyxl refuse the whole export.
        value = ILLEGAL_CHARACTERS_RE.sub("", value)[:_MAX_CELL_LENGTH]
        if not value.startswith(FORMULA_PREFIXES):
            return value
        # openpyxl would store "=..." as a formula. Stored as a string it is never run, and the quote prefix
        # keeps it text when someone edits the cell in Excel or LibreOffice. The value itself is unchanged.
        cell = WriteOnlyCell(worksheet, value=value)
        cell.data_type = "s"
        cell.quotePrefix = True
        return cell
    if isinstance(value, datetime.datetime):
        number_format = number_format or _DATETIME_FORMAT
    elif isinstance(value, datetime.date):
        number_format = number_format or _DATE_FORMAT
    if value is None or number_format is None:
        return value
    cell = WriteOnlyCell(worksheet, value=value)
    cell.number_format = number_format
    return cell


def _excel_value(value):
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        # Excel has no time zones: show the time as it was here.
        return timezone.make_naive(value)
    if isinstance(value, float | decimal.Decimal) and not math.isfinite(value):
        return None  # Excel has no NaN or infinity
    if value is None or isinstance(value, _NATIVE_TYPES):
        return value
    # Lazy translations, choice labels, UUIDs, model instances: as the text a person would read.
    return str(value)


def _sheet_title(title: str, number: int, used: set[str]) -> str:
    def tidy(text):  # Excel also refuses a name that starts or ends with an apostrophe
        return text.strip().strip("'").strip()

    title = tidy(_SHEET_TITLE_FORBIDDEN.sub("-", str(title))[:31])
    # "History" is reserved by Excel; an empty name is not allowed.
    if not title or title.lower() == "history":
        title = f"Blad {number}"
    candidate, counter = title, 2
    while candidate.lower() in used:  # Excel compares sheet names case-insensitively
        suffix = f" ({counter})"
        candidate, counter = tidy(title[: 31 - len(suffix)]) + suffix, counter + 1
    used.add(candidate.lower())
    return candidate


def _fitted_widths(sheet: Sheet, columns: int) -> list[float]:
    widths = [8.0] * columns
    # The first thousand rows are a fair sample and keep big exports fast.
    for row in [sheet.header, *sheet.rows[:1000]]:
        for index, value in enumerate(row):
            if isinstance(value, datetime.datetime):
                length = 16
            elif isinstance(value, datetime.date):
                length = 10
            else:
                length = max(
                    (len(line) for line in str("" if value is None else value).splitlines()), default=0
                )
            widths[index] = max(widths[index], min(length + 2, 60))
    return widths


# --- Responses -------------------------------------------------------------------------------------------------


def file_response(
    content: bytes, *, filename: str, content_type: str, as_attachment: bool = True
) -> HttpResponse:
    """The bytes as a download (or inline, e.g. a PDF to view in the browser) named filename (RFC 6266)."""
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition(filename, as_attachment=as_attachment)
    response["Content-Length"] = str(len(content))
    # Reports hold an organisation's data: a shared cache must not keep a copy.
    response["Cache-Control"] = "private, no-store"
    return response


def content_disposition(filename: str, *, as_attachment: bool = True) -> str:
    """An ASCII filename for old clients plus filename* (RFC 5987) with the real, possibly accented, name."""
    # No directories, quotes or control characters: the name is a hint to the browser, not a path.
    filename = re.sub(r'[\x00-\x1f\x7f/\\"]+', "_", filename).strip(" .") or "download"
    fallback = unicodedata.normalize("NFKD", filename).encode("ascii", "ignore").decode()
    fallback = re.sub(r"[^A-Za-z0-9._ ()-]+", "_", fallback).strip(" .") or "download"
    disposition = "attachment" if as_attachment else "inline"
    if fallback == filename:
        return f'{disposition}; filename="{filename}"'
    return f"{disposition}; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename, safe='')}"
