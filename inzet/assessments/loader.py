"""Instruments ship as YAML files in `instruments/`. Loading is idempotent and never rewrites a published version.

- a file whose content was loaded before (any version carries its hash): nothing happens;
- a new instrument: version 1;
- changed content while the newest version is a draft loaded from the file: that draft is rebuilt;
- changed content otherwise: a new version (the old one stays, with the responses that point at it).

A version marked `status: published` in the file is published on load, and the older published versions of the
same instrument are retired (they can no longer be started, but measurements in progress can be finished).

Works with real models and with a migration's historical models (pass them in `models`).
"""

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from django.utils import timezone

INSTRUMENTS_DIR = Path(__file__).resolve().parent / "instruments"
ANSWER_TYPES = {"agree5", "yes_no", "number", "single_choice", "multiple_choice", "short_text", "long_text"}
SCORED_TYPES = {"agree5", "yes_no"}


class InstrumentFileError(ValueError):
    pass


@dataclass
class Models:
    Instrument: Any
    Dimension: Any
    Item: Any
    SupportTheme: Any


def real_models() -> Models:
    from inzet.assessments.models import Dimension, Instrument, Item
    from inzet.collaboration.models import SupportTheme

    return Models(Instrument, Dimension, Item, SupportTheme)


def instrument_files() -> list[Path]:
    return sorted(INSTRUMENTS_DIR.glob("*.yaml"))


def read_instrument_file(path: Path) -> dict:
    try:
        spec = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise InstrumentFileError(f"{path.name}: not valid YAML: {error}") from None
    validate(spec, name=Path(path).name)
    return spec


def validate(spec: Any, *, name: str) -> None:
    def fail(message: str):
        raise InstrumentFileError(f"{name}: {message}")

    if not isinstance(spec, dict):
        fail("expected a mapping at the top")
    for key in ("slug", "name", "dimensions"):
        if not spec.get(key):
            fail(f"missing `{key}`")
    if spec.get("status", "draft") not in ("draft", "published"):
        fail("`status` is draft or published")
    default_type = spec.get("default_type", "agree5")
    codes, slugs = set(), set()
    for dimension in spec["dimensions"]:
        if not dimension.get("slug") or not dimension.get("name"):
            fail("every dimension needs a slug and a name")
        if dimension["slug"] in slugs:
            fail(f"dimension `{dimension['slug']}` appears twice")
        slugs.add(dimension["slug"])
        if not dimension.get("items"):
            fail(f"dimension `{dimension['slug']}` has no items")
        for item in dimension["items"]:
            code, kind = item.get("code"), item.get("type", default_type)
            if not code or not item.get("text"):
                fail(f"an item of `{dimension['slug']}` lacks a code or a text")
            if code in codes:
                fail(f"item code `{code}` appears twice")
            codes.add(code)
            if kind not in ANSWER_TYPES:
                fail(f"item `{code}`: unknown type `{kind}`")
            if item.get("reverse") and kind not in SCORED_TYPES:
                fail(f"item `{code}`: only agree5 and yes_no items can be reverse-scored")
            if kind in ("single_choice", "multiple_choice") and not (
                item.get("choices") or item.get("support_themes")
            ):
                fail(f"item `{code}`: a choice item needs `choices` (or `support_themes: true`)")


def content_hash(spec: dict) -> str:
    return hashlib.sha256(json.dumps(spec, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def load_instrument(spec: dict, *, models: Models | None = None) -> tuple[Any, str]:
    """Load one parsed instrument file. Returns (the instrument version, what happened)."""
    models = models or real_models()
    Instrument = models.Instrument
    digest = content_hash(spec)
    versions = Instrument.objects.filter(slug=spec["slug"])
    existing = versions.filter(source_hash=digest).order_by("-version").first()
    if existing is not None:
        return existing, "unchanged"
    latest = versions.order_by("-version").first()
    if latest is None:
        instrument, action = Instrument(slug=spec["slug"], version=1), "created"
    elif latest.status == "draft" and latest.source_hash:
        instrument, action = latest, "updated"
        latest.items.all().delete()
        latest.dimensions.all().delete()
    else:
        instrument, action = Instrument(slug=spec["slug"], version=latest.version + 1), "new_version"
    instrument.name = spec["name"]
    instrument.name_en = spec.get("name_en", "")
    instrument.description = (spec.get("description") or "").strip()
    instrument.description_en = (spec.get("description_en") or "").strip()
    instrument.scoring = spec.get("scoring") or {"method": "mean_scaled", "min_answered": 0.5}
    instrument.source_hash = digest
    instrument.status = "draft"
    instrument.save()
    _build(instrument, spec, models)
    if spec.get("status") == "published":
        versions.filter(status="published").exclude(pk=instrument.pk).update(status="retired")
        instrument.status = "published"
        instrument.published_at = timezone.now()
        instrument.save(update_fields=["status", "published_at"])
    return instrument, action


def _build(instrument, spec: dict, models: Models) -> None:
    themes = {theme.slug: theme for theme in models.SupportTheme.objects.all()}
    default_type = spec.get("default_type", "agree5")
    for position, dimension_spec in enumerate(spec["dimensions"]):
        dimension = models.Dimension.objects.create(
            instrument=instrument,
            slug=dimension_spec["slug"],
            name=dimension_spec["name"],
            name_en=dimension_spec.get("name_en", ""),
            description=(dimension_spec.get("description") or "").strip(),
            description_en=(dimension_spec.get("description_en") or "").strip(),
            position=position,
            scored=dimension_spec.get("scored", True),
        )
        wanted = dimension_spec.get("support_themes") or []
        unknown = [slug for slug in wanted if slug not in themes]
        if unknown:
            raise InstrumentFileError(f"{spec['slug']}: unknown support themes {unknown}")
        dimension.support_themes.set([themes[slug] for slug in wanted])
        for item_position, item in enumerate(dimension_spec["items"]):
            asks_themes = bool(item.get("support_themes"))
            choices = item.get("choices") or []
            if asks_themes:
                choices = [
                    {"value": theme.slug, "label": theme.name, "label_en": theme.name_en}
                    for theme in sorted(themes.values(), key=lambda theme: (theme.position, theme.name))
                ]
            models.Item.objects.create(
                instrument=instrument,
                dimension=dimension,
                code=item["code"],
                text=item["text"].strip(),
                text_en=(item.get("text_en") or "").strip(),
                help_text=(item.get("help_text") or "").strip(),
                help_text_en=(item.get("help_text_en") or "").strip(),
                answer_type=item.get("type", default_type),
                reverse=bool(item.get("reverse", False)),
                required=bool(item.get("required", True)),
                essential=bool(item.get("essential", False)),
                choices=choices,
                asks_support_themes=asks_themes,
                position=item_position,
            )


def load_all(*, models: Models | None = None, paths: list[Path] | None = None) -> list[tuple[Any, str]]:
    return [
        load_instrument(read_instrument_file(path), models=models) for path in paths or instrument_files()
    ]
