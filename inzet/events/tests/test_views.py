"""The HTML pages: thin views over the services; what a visitor, a participant and an organiser see and do."""

from datetime import timedelta

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from inzet.events import services
from inzet.events.models import Evaluation, Event, EventSeries, Registration
from inzet.events.tests.test_services import past, register


def local(value):
    return timezone.localtime(value).strftime("%Y-%m-%dT%H:%M")


def test_the_public_list_and_event_page_show_programme_places_map_and_calendar_links(client, world, event):
    response = client.get(reverse("events:list"), {"kind": "open_club", "province": "PV20", "page": "x"})
    assert response.status_code == 200 and event.title in response.text
    assert reverse("events:feed_province", args=["PV20"]) in response.text
    response = client.get(event.get_absolute_url())
    assert "Ontvangst" in response.text and "Nog 2 plaatsen" in response.text
    assert "https://www.openstreetmap.org/search?query=Hoofdstraat+1" in response.text
    assert reverse("events:ics", args=[event.pk]) in response.text
    assert client.get(reverse("events:list"), {"date_from": "gisteren"}).status_code == 200


def test_a_person_registers_with_answers_on_behalf_of_their_organisation(client_for, world, make_event):
    event = make_event(
        questions=[{"text": "Lunch?", "kind": "choice", "choices": ["Ja", "Nee"], "required": True}]
    )
    question = event.questions.get()
    client = client_for(world.coordinator)
    response = client.post(
        reverse("events:register", args=[event.pk]), {"organisation": world.organisation.pk}
    )
    assert response.status_code == 200 and "Niet alles is goed ingevuld" in response.text
    assert not event.registrations.exists()
    response = client.post(
        reverse("events:register", args=[event.pk]),
        {"organisation": world.organisation.pk, question.answer_key: "Ja"},
    )
    assert response.status_code == 302
    registration = event.registrations.get()
    assert (registration.organisation, registration.answers) == (
        world.organisation,
        {question.answer_key: "Ja"},
    )
    assert event.title in client.get(reverse("events:my_registrations")).text


def test_cancelling_from_my_registrations_asks_first_then_promotes(client_for, world, make_event, people):
    event = make_event(capacity=1)
    mine = register(event, world.volunteer)
    waiting = register(event, people[0])
    client = client_for(world.volunteer)
    url = reverse("events:cancel", args=[mine.pk])
    assert "Ja, afmelden" in client.get(url).text
    mine.refresh_from_db()
    assert mine.status == "confirmed"  # a GET changes nothing
    client.post(url)
    waiting.refresh_from_db()
    assert waiting.status == "confirmed"
    other = client_for(people[1])
    assert other.post(reverse("events:cancel", args=[waiting.pk])).status_code == 404


def test_the_one_click_link_from_the_email_cancels_and_a_tampered_one_says_so(client, world, event):
    registration = register(event, world.volunteer)
    url = registration.get_cancel_url()
    assert url in mail.outbox[0].body
    assert client.get(url).status_code == 200
    tampered = reverse("events:cancel_by_token", args=[registration.cancel_token[:-2] + "xx"])
    response = client.post(tampered)
    assert response.status_code == 400 and "afmeldlink klopt niet" in response.text.lower()
    registration.refresh_from_db()
    assert registration.status == "confirmed"
    client.post(url)
    registration.refresh_from_db()
    assert registration.status == "cancelled"


def test_a_consultant_creates_an_event_with_programme_and_questions(client_for, world):
    client = client_for(world.consultant)
    start = timezone.now() + timedelta(days=7)
    data = {
        "kind": "training",
        "title": "Training jongerenmarketing",
        "description": "Hoe bereik je jongeren?",
        "starts_at": local(start),
        "ends_at": local(start + timedelta(hours=3)),
        "venue_name": "Het Kielzog",
        "address": "Markt 1",
        "capacity": "12",
        "municipalities": ["GM0014"],
        "for_board_members": "on",
        "basic_functions": ["expertise"],
        "programme-TOTAL_FORMS": "3",
        "programme-INITIAL_FORMS": "0",
        "programme-0-time": "19:30",
        "programme-0-title": "Welkom",
        "questions-TOTAL_FORMS": "1",
        "questions-INITIAL_FORMS": "0",
        "questions-0-text": "Dieetwensen",
        "questions-0-kind": "text",
    }
    assert client.get(reverse("events:create")).status_code == 200
    response = client.post(reverse("events:create"), {**data, "ends_at": local(start - timedelta(hours=1))})
    assert response.status_code == 200 and not Event.objects.exists()
    response = client.post(reverse("events:create"), data)
    event = Event.objects.get()
    assert response.status_code == 302
    assert [i.title for i in event.programme.all()] == ["Welkom"]
    assert [q.text for q in event.questions.all()] == ["Dieetwensen"]
    assert client.get(reverse("events:edit", args=[event.pk])).status_code == 200
    assert client.post(reverse("events:edit", args=[event.pk]), {**data, "capacity": "-3"}).status_code == 200
    event.refresh_from_db()
    assert event.capacity == 12


def test_a_consultant_creates_an_open_club_series_of_three(client_for, world):
    client = client_for(world.consultant)
    start = timezone.now() + timedelta(days=14)
    data = {
        "kind": "open_club",
        "title": "Open Club Hogeland",
        "description": "Drie avonden.",
        "capacity": "15",
        "sessions-TOTAL_FORMS": "3",
        "sessions-INITIAL_FORMS": "0",
        "sessions-MIN_NUM_FORMS": "1",
    }
    for n in range(3):
        data[f"sessions-{n}-starts_at"] = local(start + timedelta(weeks=n))
        data[f"sessions-{n}-ends_at"] = local(start + timedelta(weeks=n, hours=2))
        data[f"sessions-{n}-venue_name"] = f"Dorpshuis {n}"
    response = client.post(reverse("events:series_create"), data)
    series = EventSeries.objects.get()
    assert response.status_code == 302 and response.url == reverse("events:series", args=[series.pk])
    assert series.events.count() == 3
    assert "Open Club Hogeland (3/3)" in client.get(response.url).text


def test_organiser_pages_work_and_are_404_for_another_support_point(client_for, world, make_event):
    event = make_event(kind="training")
    registration = register(event, world.coordinator, organisation=world.organisation)
    client = client_for(world.consultant)
    for name in (
        "attendees",
        "checkin",
        "outcome",
        "evaluations",
        "invite",
        "cancel_event",
        "attendees_xlsx",
    ):
        assert client.get(reverse(f"events:{name}", args=[event.pk])).status_code == 200, name
    client.post(
        reverse("events:checkin", args=[event.pk]), {"registration": registration.pk, "attended": "1"}
    )
    registration.refresh_from_db()
    assert registration.attended
    other = client_for(world.other_consultant)
    assert other.get(reverse("events:attendees", args=[event.pk])).status_code == 404
    assert (
        other.post(reverse("events:checkin", args=[event.pk]), {"registration": registration.pk}).status_code
        == 404
    )
    assert client_for(world.coordinator).get(reverse("events:attendees", args=[event.pk])).status_code == 404
    # The participant downloads the certificate of the training.
    response = client_for(world.coordinator).get(reverse("events:certificate", args=[registration.pk]))
    assert response["Content-Type"] == "application/pdf"


def test_the_outcome_page_records_notes_and_ideas(client_for, world, event):
    past(event)
    client = client_for(world.consultant)
    url = reverse("events:outcome", args=[event.pk])
    r = client.post(url, {"notes": "Goede avond", "organisations_present": [world.organisation.pk]})
    assert r.status_code == 302, r.context["form"].errors
    client.post(
        url, {"add_idea": "1", "idea-title": "Samen werven", "idea-organisations": [world.organisation.pk]}
    )
    response = client_for(None).get(event.get_absolute_url())
    assert "Goede avond" in response.text and "Samen werven" in response.text


def test_cancelling_an_event_asks_first_and_emails_everyone(client_for, world, event, people):
    register(event, people[0])
    register(event, people[1])
    mail.outbox.clear()
    client = client_for(world.consultant)
    url = reverse("events:cancel_event", args=[event.pk])
    assert "2 mensen krijgen hierover een e-mail" in client.get(url).text
    client.post(url, {"reason": "Ziek"})
    assert len(mail.outbox) == 2
    assert "geannuleerd" in client.get(event.get_absolute_url()).text.lower()


def test_statistics_and_their_export(client_for, world, event):
    client = client_for(world.consultant)
    assert client.get(reverse("events:statistics")).status_code == 200
    assert client.get(reverse("events:statistics"), {"date_from": "nonsense"}).status_code == 200
    response = client.get(reverse("events:statistics_xlsx"))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")


def test_invitations_to_all_organisations_of_a_municipality(client_for, world, event):
    mail.outbox.clear()
    client = client_for(world.consultant)
    response = client.post(reverse("events:invite", args=[event.pk]), {})
    assert response.status_code == 200 and not mail.outbox
    client.post(reverse("events:invite", args=[event.pk]), {"municipality": "GM0014"})
    assert [m.to[0] for m in mail.outbox] == [world.organisation.contact_email]


def test_evaluation_after_the_event(client_for, world, event):
    registration = register(event, world.volunteer)
    past(event)
    client = client_for(world.volunteer)
    url = reverse("events:evaluate", args=[registration.pk])
    assert client.post(url, {"rating": "12"}).status_code == 200
    client.post(url, {"rating": "9", "useful": "Veel"})
    assert Registration.objects.get(pk=registration.pk).evaluation.rating == 9
    assert "9" in client_for(world.consultant).get(reverse("events:evaluations", args=[event.pk])).text
    assert services


def test_the_evaluation_page_says_when_it_opens_instead_of_showing_the_form_before_the_event_ended(
    client_for, world, event
):
    registration = register(event, world.volunteer)
    client = client_for(world.volunteer)
    url = reverse("events:evaluate", args=[registration.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert "De evaluatie opent als de bijeenkomst is afgelopen" in response.text
    assert 'name="rating"' not in response.text
    assert (
        reverse("events:evaluate", args=[registration.pk])
        not in client.get(reverse("events:my_registrations")).text
    )
    Event.objects.filter(pk=event.pk).update(  # under way: started, not yet ended
        starts_at=timezone.now() - timedelta(hours=1), ends_at=timezone.now() + timedelta(hours=1)
    )
    response = client.post(url, {"rating": "9", "useful": "Te vroeg"})
    assert response.status_code == 200 and 'name="rating"' not in response.text
    assert not Evaluation.objects.exists()
    past(event)
    assert 'name="rating"' in client.get(url).text
    assert url in client.get(reverse("events:my_registrations")).text


def test_the_evaluation_page_of_a_cancelled_event_says_so_and_writes_nothing(client_for, world, event):
    registration = register(event, world.volunteer)
    services.event_cancel(actor=world.consultant, event=event)
    past(event)
    client = client_for(world.volunteer)
    response = client.post(reverse("events:evaluate", args=[registration.pk]), {"rating": "8"})
    assert response.status_code == 200 and "geannuleerd" in response.text
    assert not Evaluation.objects.exists()


def test_outcomes_are_listed_on_the_organisations_page(client, world, event):
    past(event)
    services.outcome_save(actor=world.consultant, event=event, organisations_present=[world.organisation])
    services.idea_add(
        actor=world.consultant, event=event, title="Samen werven", organisations=[world.organisation]
    )
    response = client.get(world.organisation.get_absolute_url())
    assert event.title in response.text and "Samen werven" in response.text
