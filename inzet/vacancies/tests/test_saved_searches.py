"""Saved searches with an email alert: saving from the search page, "Mijn zoekopdrachten", the digest of new
vacancies (never the same one twice, daily or weekly), and the stop link of the mail, which needs no login."""

import io
import re
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from inzet.organisations.models import Sector
from inzet.vacancies import saved_searches
from inzet.vacancies.models import SavedSearch, SavedSearchHit
from inzet.vacancies.tests.factories import VacancyFactory

SEARCH = reverse("vacancies:search")
CREATE = reverse("vacancies:saved_search_create")
MINE = reverse("vacancies:saved_searches")


def page_of(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def save(client, params: str, **data):
    return client.post(CREATE, {"params": params, "frequency": "weekly", **data})


def saved(owner, query: str, *, days_old: int = 3, **fields) -> SavedSearch:
    """A saved search made `days_old` days ago (so vacancies can be published before and after it)."""
    saved_search, _ = saved_searches.saved_search_create(owner=owner, params=query, **fields)
    SavedSearch.objects.filter(pk=saved_search.pk).update(
        created_at=timezone.now() - timedelta(days=days_old)
    )
    saved_search.refresh_from_db()
    return saved_search


def published(days_ago: float = 0, **fields):
    return VacancyFactory(published_at=timezone.now() - timedelta(days=days_ago), **fields)


def digests():
    call_command("send_saved_search_digests", stdout=io.StringIO())


def links_in(body: str) -> list[str]:
    return re.findall(r"https?://\S+", body)


# ── saving from the search page ───────────────────────────────────────────────────────────────────────────


def test_a_volunteer_saves_the_search_of_the_page_with_its_filters(client_for, world):
    client = client_for(world.volunteer)
    page = page_of(client.get(SEARCH, {"q": "tuin", "sector": "sport", "page": "1"}))
    assert "Bewaar deze zoekopdracht" in page
    params = re.search(r'name="params" value="([^"]*)"', page).group(1).replace("&amp;", "&")
    assert parse_qs(params) == {"q": ["tuin"], "sector": ["sport"]}  # not the page number

    response = save(client, params, frequency="daily")

    saved_search = SavedSearch.objects.get(owner=world.volunteer)
    assert saved_search.query == "q=tuin&sector=sport"
    assert saved_search.name == "‘tuin’ · Sport"
    assert saved_search.frequency == "daily" and saved_search.active
    assert response.status_code == 302 and response.url == f"{SEARCH}?q=tuin&sector=sport"
    followed = page_of(client.get(response.url))
    assert "is bewaard" in followed and "elke dag" in followed
    listed = page_of(client.get(MINE))
    assert "‘tuin’ · Sport" in listed
    assert f'href="{SEARCH}?q=tuin&amp;sector=sport"' in listed  # runs the search


def test_a_saved_search_takes_the_name_its_owner_gives_it(client_for, world):
    save(client_for(world.volunteer), "postcode=9712cp&radius=10", name="  Dichtbij   huis ")
    saved_search = SavedSearch.objects.get()
    assert saved_search.name == "Dichtbij huis"
    assert saved_search.query == "postcode=9712+CP&radius=10"


def test_an_anonymous_visitor_is_asked_to_log_in_and_comes_back_to_the_search(client, world):
    page = page_of(client.get(SEARCH, {"q": "tuin"}))
    login = re.search(r'href="([^"]*)">Log in om deze zoekopdracht te bewaren', page).group(1)
    assert parse_qs(urlsplit(login.replace("&amp;", "&")).query)["next"] == [f"{SEARCH}?q=tuin"]
    assert 'name="params"' not in page
    assert save(client, "q=tuin").status_code == 302 and not SavedSearch.objects.exists()


def test_the_same_search_saved_again_is_not_kept_twice(client_for, world):
    client = client_for(world.volunteer)
    save(client, "sector=sport&postcode=9712+CP")
    response = save(client, "postcode=9712cp&sector=sport&page=3&sort=relevance")  # the same search
    assert SavedSearch.objects.count() == 1
    assert "al bewaard" in page_of(client.get(response.url))
    # Another person may save the same search.
    save(client_for(world.coordinator), "sector=sport&postcode=9712+CP")
    assert SavedSearch.objects.count() == 2


def test_a_person_keeps_at_most_twenty_saved_searches_and_hears_why_not_more(client_for, world):
    for number in range(saved_searches.MAX_SAVED_SEARCHES):
        saved_searches.saved_search_create(owner=world.volunteer, params=f"q=woord{number}")
    client = client_for(world.volunteer)
    response = save(client, "q=nogeen")
    assert SavedSearch.objects.filter(owner=world.volunteer).count() == 20
    assert "al 20 zoekopdrachten bewaard" in page_of(client.get(response.url))
    # One saved before is found again, not refused.
    save(client, "q=woord3")
    assert SavedSearch.objects.filter(owner=world.volunteer).count() == 20


@pytest.mark.parametrize(
    "params",
    ["q=tuin\r\nLocation: https://example.org", "q=" + "lang" * 2000, "q=🌻🌻&sector=%00", "%%%&&&==", ""],
)
def test_bad_input_in_the_save_form_never_gives_an_error_page(client_for, world, params):
    client = client_for(world.volunteer)
    response = save(client, params)
    assert response.status_code == 302 and response.url.startswith(SEARCH)
    assert client.get(response.url).status_code == 200
    assert save(client, "q=tuin", frequency="elk uur").status_code == 302
    assert not SavedSearch.objects.filter(query="q=tuin").exists()


def test_nonsense_in_the_saved_parameters_is_left_out(world):
    saved_search, created = saved_searches.saved_search_create(
        owner=world.volunteer, params="radius=veel&max_hours=-3&sector=bestaat-niet&q=koor&onzin=1"
    )
    assert created and saved_search.query == "q=koor"


# ── Mijn zoekopdrachten ──────────────────────────────────────────────────────────────────────────────────────


def test_my_saved_searches_has_an_empty_state_and_is_in_the_menu(client_for, world):
    page = page_of(client_for(world.volunteer).get(MINE))
    assert "Je hebt nog geen zoekopdrachten bewaard" in page
    assert f'href="{MINE}"' in page  # "Mijn Inzet" menu


def test_the_owner_changes_how_often_the_mail_comes_or_stops_it(client_for, world):
    saved_search = saved(world.volunteer, "q=tuin")
    client = client_for(world.volunteer)
    url = reverse("vacancies:saved_search_alert", args=[saved_search.pk])

    client.post(url, {"alert": "daily"})
    saved_search.refresh_from_db()
    assert (saved_search.frequency, saved_search.active) == ("daily", True)

    client.post(url, {"alert": "off"})
    saved_search.refresh_from_db()
    assert not saved_search.active
    assert "E-mail staat uit" in page_of(client.get(MINE))

    client.post(url, {"alert": "weekly"})
    saved_search.refresh_from_db()
    assert (saved_search.frequency, saved_search.active) == ("weekly", True)

    client.post(url, {"alert": "hourly"})
    saved_search.refresh_from_db()
    assert saved_search.frequency == "weekly"


def test_deleting_asks_first_and_then_deletes(client_for, world):
    saved_search = saved(world.volunteer, "q=tuin", name="Tuinieren")
    client = client_for(world.volunteer)
    url = reverse("vacancies:saved_search_delete", args=[saved_search.pk])
    assert "Zoekopdracht ‘Tuinieren’ verwijderen?" in page_of(client.get(url))
    assert SavedSearch.objects.exists()
    response = client.post(url)
    assert response.url == MINE and not SavedSearch.objects.exists()
    assert "is verwijderd" in page_of(client.get(MINE))


def test_another_person_can_neither_see_nor_change_nor_delete_my_saved_search(client_for, world):
    saved_search = saved(world.volunteer, "q=tuin", name="Tuinieren")
    other = client_for(world.outsider)
    assert "Tuinieren" not in page_of(other.get(MINE))
    delete = reverse("vacancies:saved_search_delete", args=[saved_search.pk])
    assert other.get(delete).status_code == 404
    assert other.post(delete).status_code == 404
    alert = reverse("vacancies:saved_search_alert", args=[saved_search.pk])
    assert other.post(alert, {"alert": "off"}).status_code == 404
    saved_search.refresh_from_db()
    assert saved_search.active


def test_saved_searches_go_with_the_account(world):
    saved_search = saved(world.volunteer, "q=tuin")
    SavedSearchHit.objects.create(saved_search=saved_search, vacancy=published())
    world.volunteer.delete()
    assert not SavedSearch.objects.exists() and not SavedSearchHit.objects.exists()


# ── the digest ───────────────────────────────────────────────────────────────────────────────────────────────


def test_the_digest_sends_only_new_matches_and_never_the_same_vacancy_twice(world):
    saved_search = saved(world.volunteer, "sector=sport", name="Sport", frequency="daily")
    published(days_ago=5, title="Al oud")  # before the search was saved
    published(days_ago=1, title="Zanger gezocht", sector="muziek")  # no match
    published(days_ago=1, title="Scheidsrechter")

    digests()

    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert mail.outbox[0].to == ["volunteer@example.org"]
    assert "Scheidsrechter" in body and "Al oud" not in body and "Zanger gezocht" not in body

    digests()  # at once again: not due, and nothing new
    assert len(mail.outbox) == 1

    published(title="Trainer jeugd")
    SavedSearch.objects.filter(pk=saved_search.pk).update(last_sent_at=timezone.now() - timedelta(days=1))
    digests()

    assert len(mail.outbox) == 2
    body = mail.outbox[1].body
    assert "Trainer jeugd" in body and "Scheidsrechter" not in body
    assert set(SavedSearchHit.objects.values_list("vacancy__title", flat=True)) == {
        "Scheidsrechter",
        "Trainer jeugd",
    }


def test_no_mail_when_nothing_is_new(world):
    saved_search = saved(world.volunteer, "sector=sport")
    published(days_ago=5, title="Al oud")
    digests()
    assert mail.outbox == []
    saved_search.refresh_from_db()
    assert saved_search.last_sent_at is None  # still due: the first new vacancy goes out on the next run


def test_a_digest_run_twice_for_the_same_search_sends_one_mail(world):
    saved_search = saved(world.volunteer, "sector=sport")
    published(days_ago=1, title="Scheidsrechter")
    assert saved_searches.saved_search_digest_send(saved_search_id=saved_search.pk) == 1
    assert saved_searches.saved_search_digest_send(saved_search_id=saved_search.pk) == 0
    assert len(mail.outbox) == 1


@pytest.mark.parametrize(
    ("frequency", "last_sent", "due"),
    [
        ("daily", None, True),
        ("daily", timedelta(hours=2), False),
        ("daily", timedelta(hours=23, minutes=50), True),  # cron a few minutes earlier than yesterday
        ("daily", timedelta(days=1), True),
        ("weekly", None, True),
        ("weekly", timedelta(days=1), False),
        ("weekly", timedelta(days=6), False),
        ("weekly", timedelta(days=7), True),
    ],
)
def test_a_daily_search_is_due_after_a_day_and_a_weekly_one_after_a_week(world, frequency, last_sent, due):
    saved_search = saved(world.volunteer, "sector=sport", frequency=frequency)
    SavedSearch.objects.filter(pk=saved_search.pk).update(
        last_sent_at=None if last_sent is None else timezone.now() - last_sent
    )
    published(days_ago=0.5, title="Scheidsrechter")
    assert saved_searches.saved_searches_due().filter(pk=saved_search.pk).exists() is due
    digests()
    assert len(mail.outbox) == (1 if due else 0)


def test_a_stopped_search_or_an_inactive_account_gets_no_mail(world):
    stopped = saved(world.volunteer, "sector=sport")
    saved_searches.saved_search_unsubscribe(saved_search=stopped)
    saved(world.outsider, "sector=sport")
    world.outsider.is_active = False
    world.outsider.save()
    published(days_ago=1)
    digests()
    assert mail.outbox == []


def test_the_mail_lists_the_newest_ten_links_to_the_rest_and_can_be_stopped_in_one_click(world):
    saved_search = saved(world.volunteer, "q=scheidsrechter", name="Fluiten")
    for number in range(12):
        published(days_ago=2 - number / 10, title=f"Scheidsrechter {number:02d}")

    digests()

    message = mail.outbox[0]
    assert message.subject.endswith("12 nieuwe vacatures voor ‘Fluiten’")
    listed = re.findall(r"^- (.+)$", message.body, flags=re.MULTILINE)
    assert listed == [f"Scheidsrechter {number:02d}" for number in range(11, 1, -1)]  # the newest first
    assert "En nog 2 nieuwe vacatures." in message.body
    links = links_in(message.body)
    assert f"http://127.0.0.1:8000{SEARCH}?q=scheidsrechter" in links
    assert f"http://127.0.0.1:8000{MINE}" in links
    unsubscribe = f"http://127.0.0.1:8000{saved_search.get_unsubscribe_url()}"
    assert unsubscribe in links
    assert message.extra_headers["List-Unsubscribe"] == f"<{unsubscribe}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert SavedSearchHit.objects.filter(saved_search=saved_search).count() == 12  # all announced


def test_a_very_busy_search_says_more_than_and_leaves_the_rest_for_the_next_mail(world, monkeypatch):
    monkeypatch.setattr(saved_searches, "DIGEST_RECORDED", 3)
    saved_search = saved(world.volunteer, "sector=sport", name="Sport")
    for number in range(4):
        published(days_ago=2 - number / 10, title=f"Trainer {number}")
    digests()
    assert mail.outbox[0].subject.endswith("Meer dan 3 nieuwe vacatures voor ‘Sport’")
    assert "Trainer 0" not in mail.outbox[0].body  # the oldest
    SavedSearch.objects.filter(pk=saved_search.pk).update(last_sent_at=timezone.now() - timedelta(days=8))
    digests()
    assert mail.outbox[1].subject.endswith("1 nieuwe vacature voor ‘Sport’")
    assert "Trainer 0" in mail.outbox[1].body


# ── the stop link of the mail ───────────────────────────────────────────────────────────────────────────────


def test_the_stop_link_asks_first_and_stops_without_logging_in(client, world):
    saved_search = saved(world.volunteer, "q=tuin", name="Tuinieren")
    url = saved_search.get_unsubscribe_url()

    page = page_of(client.get(url))  # what a mail scanner does: nothing changes
    assert "Geen e-mail meer over deze zoekopdracht?" in page and "Tuinieren" in page
    saved_search.refresh_from_db()
    assert saved_search.active

    page = page_of(client.post(url))
    assert "Je krijgt geen e-mail meer" in page
    saved_search.refresh_from_db()
    assert not saved_search.active
    assert "Je krijgt geen e-mail meer" in page_of(client.get(url))  # the link again says so


def test_a_mail_programs_one_click_unsubscribe_works_without_a_csrf_token(world):
    saved_search = saved(world.volunteer, "q=tuin")
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        saved_search.get_unsubscribe_url(),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    saved_search.refresh_from_db()
    assert not saved_search.active


def test_a_wrong_or_old_stop_link_gives_a_clear_page_not_an_error(client, world):
    saved_search = saved(world.volunteer, "q=tuin")
    url = saved_search.get_unsubscribe_url()
    for bad in [url[:-3] + "xx/", reverse("vacancies:saved_search_unsubscribe", args=["x" * 500])]:
        for method in (client.get, client.post):
            response = method(bad)
            assert response.status_code == 404
            assert "Deze afmeldlink klopt niet" in response.content.decode()
    saved_search.delete()
    assert client.get(url).status_code == 404


# ── a saved search whose filters no longer exist ─────────────────────────────────────────────────────────────


def test_a_removed_sector_is_dropped_and_the_list_and_the_mail_say_so(client_for, world):
    sector = Sector.objects.create(slug="dierenwelzijn", name="Dierenwelzijn", position=99)
    saved_search = saved(world.volunteer, "q=scheidsrechter&sector=dierenwelzijn")
    assert saved_search.query == "q=scheidsrechter&sector=dierenwelzijn"
    sector.delete()
    published(days_ago=1, title="Scheidsrechter")

    page = page_of(client_for(world.volunteer).get(MINE))
    assert "Het filter ‘Sector’ met ‘dierenwelzijn’ bestaat niet meer" in page

    digests()
    body = mail.outbox[0].body
    assert "Scheidsrechter" in body  # the rest of the search still works
    assert "Let op: Het filter ‘Sector’ met ‘dierenwelzijn’ bestaat niet meer" in body


def test_an_unknown_postcode_searches_without_a_place_and_says_so(client_for, world):
    saved_search = saved(world.volunteer, "q=scheidsrechter&postcode=1000aa")
    assert saved_search.name == "‘scheidsrechter’ · binnen 15 km van 1000 AA"
    published(days_ago=1, title="Scheidsrechter")
    assert "We kennen postcode ‘1000 AA’ niet" in page_of(client_for(world.volunteer).get(MINE))
    digests()
    assert "Scheidsrechter" in mail.outbox[0].body
    assert "We kennen postcode ‘1000 AA’ niet" in mail.outbox[0].body
    assert SavedSearchHit.objects.filter(saved_search=saved_search).count() == 1


def test_the_digest_searches_from_the_owners_profile_as_the_page_does(world):
    from inzet.vacancies.tests.factories import VolunteerProfileFactory, place

    VolunteerProfileFactory(user=world.volunteer, max_distance_km=10)  # 9712, Groningen
    saved(world.volunteer, "sector=sport")
    published(days_ago=1, title="Dichtbij")
    published(days_ago=1, title="Ver weg", **place("9671"))  # Winschoten, 33 km
    digests()
    body = mail.outbox[0].body
    assert "Dichtbij" in body and "Ver weg" not in body
