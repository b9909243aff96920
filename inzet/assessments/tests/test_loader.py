"""Instruments as data: the shipped files, idempotent loading, versions and the frozen published version."""

from io import StringIO

import pytest
import yaml
from django.core.management import call_command
from django.core.management.base import CommandError

from inzet.assessments import services
from inzet.assessments.loader import INSTRUMENTS_DIR
from inzet.assessments.models import Instrument, Item
from inzet.assessments.tests.helpers import FIELDS, krachtmeting, submitted, uniform
from inzet.collaboration.models import SupportTheme
from inzet.core.errors import ApplicationError

pytestmark = pytest.mark.django_db


def load(*paths) -> str:
    out = StringIO()
    call_command("load_instruments", *[str(path) for path in paths], stdout=out)
    return out.getvalue()


def test_the_krachtmeting_ships_with_five_scored_fields_and_a_support_block():
    instrument = krachtmeting()
    dimensions = list(instrument.dimensions.order_by("position"))
    assert [d.slug for d in dimensions] == [*FIELDS, "ondersteuning"]
    for dimension in dimensions[:5]:
        statements = dimension.items.filter(answer_type="agree5")
        assert dimension.scored and 5 <= statements.count() <= 7
        assert statements.filter(reverse=True).exists() or dimension.slug == "hulpkracht"
        assert dimension.support_themes.exists()
        assert all(item.text_en for item in dimension.items.all())
    closing = dimensions[5]
    assert not closing.scored
    themes = closing.items.get(asks_support_themes=True)
    assert [choice["value"] for choice in themes.choices] == list(
        SupportTheme.objects.order_by("position").values_list("slug", flat=True)
    )
    assert len(themes.choices) == 10


def test_goed_geregeld_marks_essential_items_in_every_topic():
    instrument = Instrument.objects.get(slug="goed-geregeld", status="published")
    assert instrument.dimensions.count() == 9
    for dimension in instrument.dimensions.all():
        assert dimension.items.filter(essential=True).exists(), dimension.slug


def test_loading_the_same_files_again_changes_nothing():
    before = list(Instrument.objects.values_list("pk", "version", "status"))
    output = load()
    assert "ongewijzigd" in output
    assert list(Instrument.objects.values_list("pk", "version", "status")) == before


def test_changed_content_of_a_published_version_becomes_a_new_version(world, tmp_path):
    submitted_response = submitted(world.coordinator, world.organisation, uniform(50))
    spec = yaml.safe_load((INSTRUMENTS_DIR / "krachtmeting.yaml").read_text())
    spec["dimensions"][0]["items"][0]["text"] = (
        "Het bestuur weet waar de organisatie over vijf jaar wil staan."
    )
    changed = tmp_path / "krachtmeting.yaml"
    changed.write_text(yaml.safe_dump(spec, allow_unicode=True))

    assert "nieuwe versie" in load(changed)
    assert "ongewijzigd" in load(changed)

    versions = dict(Instrument.objects.filter(slug="krachtmeting").values_list("version", "status"))
    assert versions == {1: "retired", 2: "published"}
    assert krachtmeting().items.get(code="sk-koers").text.startswith("Het bestuur weet")
    submitted_response.assessment.refresh_from_db()
    assert submitted_response.assessment.instrument.version == 1
    assert submitted_response.assessment.instrument.items.get(code="sk-koers").text.startswith(
        "Het bestuur heeft"
    )


def test_a_broken_file_is_refused_and_nothing_is_written(tmp_path):
    spec = yaml.safe_load((INSTRUMENTS_DIR / "krachtmeting.yaml").read_text())
    spec["dimensions"][5]["items"][1]["reverse"] = True  # a free text cannot be reverse-scored
    broken = tmp_path / "krachtmeting.yaml"
    broken.write_text(yaml.safe_dump(spec, allow_unicode=True))
    count = Instrument.objects.count()

    with pytest.raises(CommandError, match="reverse-scored"):
        load(broken)
    not_yaml = tmp_path / "x.yaml"
    not_yaml.write_text("a: [")
    with pytest.raises(CommandError, match="not valid YAML"):
        load(not_yaml)
    assert Instrument.objects.count() == count


def test_a_published_version_is_frozen_and_a_new_version_copies_it_as_a_draft(world):
    published = krachtmeting()
    with pytest.raises(ApplicationError, match="nieuwe versie"):
        services.instrument_ensure_editable(published)

    draft = services.instrument_new_version(actor=world.staff, instrument=published)

    assert (draft.version, draft.status) == (published.version + 1, "draft")
    services.instrument_ensure_editable(draft)
    assert list(draft.items.values_list("code", flat=True)) == list(
        published.items.values_list("code", flat=True)
    )
    assert draft.dimensions.get(slug="stuurkracht").support_themes.count() == 3
    assert Item.objects.filter(instrument=published).count() == draft.items.count()


def test_the_admin_shows_a_published_version_read_only(world, client):
    client.force_login(world.staff)
    page = client.get(f"/beheer/assessments/instrument/{krachtmeting().pk}/change/")
    assert page.status_code == 200
    assert 'name="items-0-text"' not in page.content.decode()
