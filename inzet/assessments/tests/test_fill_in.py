"""A coordinator fills in the KrachtMeting: page by page, save and continue, submit, start again."""

import pytest
from django.urls import reverse

from inzet.assessments import services
from inzet.assessments.models import Answer, Assessment, DimensionScore, Response
from inzet.assessments.tests.helpers import FIELDS, answer, goed_geregeld, krachtmeting, submitted, uniform
from inzet.core.errors import ApplicationError, NotAllowed
from inzet.core.models import AuditEntry


@pytest.fixture
def started(world):
    return services.assessment_start(
        actor=world.coordinator, organisation=world.organisation, instrument=krachtmeting()
    )


def test_a_coordinator_starts_and_lands_on_page_one_with_a_progress_bar(world, client):
    client.force_login(world.coordinator)
    page = client.post(
        reverse("assessments:start", args=[world.organisation.pk]),
        {"instrument": krachtmeting().pk},
        follow=True,
    )
    html = page.content.decode()
    assert page.status_code == 200
    assert "StuurKracht" in html
    assert '<label for="progress" class="utrecht-form-label">Pagina 1 van 6</label>' in html
    assert '<progress id="progress" max="6" value="1">' in html
    assert "<legend" in html and "Weet niet / n.v.t." in html
    assert Assessment.objects.filter(organisation=world.organisation).count() == 1


def test_next_saves_the_page_and_goes_on(world, client, started):
    client.force_login(world.coordinator)
    page = client.post(
        reverse("assessments:fill", args=[started.pk, 1]),
        {"item_sk-koers": "4", "item_sk-opvolging": "dk", "action": "next"},
    )
    assert page.status_code == 302 and page.url == reverse("assessments:fill", args=[started.pk, 2])
    answers = {a.item.code: a for a in started.answers.select_related("item")}
    assert answers["sk-koers"].number == 4 and not answers["sk-koers"].dont_know
    assert answers["sk-opvolging"].dont_know
    page = client.get(reverse("assessments:fill", args=[started.pk, 1]))
    assert (
        'value="4" class="utrecht-radio-button utrecht-radio-button--html-input" id="id_item_sk-koers_3" checked'
        in (page.content.decode())
    )


def test_save_and_continue_later_goes_to_the_overview(world, client, started):
    client.force_login(world.coordinator)
    page = client.post(
        reverse("assessments:fill", args=[started.pk, 2]),
        {"item_dk-aantal": "35", "item_dk-genoeg": "2", "action": "later"},
        follow=True,
    )
    html = page.content.decode()
    assert "Je antwoorden zijn opgeslagen" in html
    assert "verplichte vragen open" in html
    assert started.answers.get(item__code="dk-aantal").number == 35


def test_an_answer_outside_the_scale_keeps_the_page_and_writes_nothing(world, client, started):
    client.force_login(world.coordinator)
    page = client.post(
        reverse("assessments:fill", args=[started.pk, 1]),
        {"item_sk-koers": "4", "item_sk-taken": "7", "action": "next"},
    )
    html = page.content.decode()
    assert page.status_code == 200
    assert "Kies een van de mogelijkheden." in html
    assert 'href="#q-item_sk-taken"' in html  # the error summary links to the question
    assert (
        'value="4" class="utrecht-radio-button utrecht-radio-button--html-input" id="id_item_sk-koers_3" checked'
        in html
    )
    assert not Answer.objects.exists()


def test_a_negative_number_is_refused(world, client, started):
    client.force_login(world.coordinator)
    page = client.post(reverse("assessments:fill", args=[started.pk, 2]), {"item_dk-aantal": "-3"})
    assert page.status_code == 200 and not Answer.objects.exists()


def test_the_service_refuses_tampered_item_codes_and_values_and_writes_nothing(world, started):
    stuurkracht = krachtmeting().dimensions.get(slug="stuurkracht")
    with pytest.raises(ApplicationError, match="niet op deze pagina"):
        services.response_save_page(
            actor=world.coordinator,
            response=started,
            dimension=stuurkracht,
            answers={"sk-koers": "4", "dk-genoeg": "2"},
        )
    with pytest.raises(ApplicationError) as error:
        services.response_save_page(
            actor=world.coordinator,
            response=started,
            dimension=stuurkracht,
            answers={"sk-koers": "4", "sk-taken": "0"},
        )
    assert error.value.fields == {"item_sk-taken": "Kies een van de mogelijkheden."}
    other_instrument = goed_geregeld().dimensions.first()
    with pytest.raises(ApplicationError, match="hoort niet bij"):
        services.response_save_page(
            actor=world.coordinator, response=started, dimension=other_instrument, answers={}
        )
    with pytest.raises(NotAllowed):
        services.response_save_page(
            actor=world.member, response=started, dimension=stuurkracht, answers={"sk-koers": "4"}
        )
    assert not Answer.objects.exists()


def test_another_organisations_questionnaire_does_not_exist_for_you(world, client, started):
    client.force_login(world.other_coordinator)
    assert client.get(reverse("assessments:fill", args=[started.pk, 1])).status_code == 404
    assert (
        client.post(reverse("assessments:fill", args=[started.pk, 1]), {"item_sk-koers": "1"}).status_code
        == 404
    )
    assert client.post(reverse("assessments:submit", args=[started.pk])).status_code == 404
    assert not Answer.objects.exists()


def test_submitting_with_required_questions_open_lists_them_with_a_link(world, client, started):
    services.response_save_page(
        actor=world.coordinator,
        response=started,
        dimension=krachtmeting().dimensions.get(slug="stuurkracht"),
        answers={"sk-koers": "4"},
    )
    client.force_login(world.coordinator)
    page = client.post(reverse("assessments:submit", args=[started.pk]), follow=True)
    html = page.content.decode()
    assert "Nog niet alle verplichte vragen zijn beantwoord." in html
    assert reverse("assessments:fill", args=[started.pk, 2]) + "#q-item_dk-genoeg" in html
    started.refresh_from_db()
    assert started.status == "in_progress" and not DimensionScore.objects.exists()


def test_submitting_scores_each_field_and_shows_the_report(world, client, started):
    answer(started, {"stuurkracht": 100, "draagkracht": 25, "samenwerkingskracht": 50, "hulpkracht": 75})
    client.force_login(world.coordinator)
    page = client.post(reverse("assessments:submit", args=[started.pk]), follow=True)

    assert page.redirect_chain[-1][0] == reverse("assessments:report", args=[started.assessment_id])
    scores = dict(DimensionScore.objects.values_list("dimension__slug", "score"))
    assert scores == {
        "stuurkracht": 100,
        "draagkracht": 25,
        "samenwerkingskracht": 50,
        "hulpkracht": 75,
        "vernieuwingskracht": None,  # all "weet niet"
    }
    assert "onvoldoende antwoorden" in page.content.decode()
    assert AuditEntry.objects.filter(action="assessment.response_submitted").count() == 1


def test_submitting_twice_changes_nothing(world, client, started):
    answer(started, uniform(50))
    client.force_login(world.coordinator)
    client.post(reverse("assessments:submit", args=[started.pk]))
    page = client.post(reverse("assessments:submit", args=[started.pk]), follow=True)
    assert "Deze vragenlijst was al ingediend." in page.content.decode()
    assert DimensionScore.objects.count() == len(FIELDS)
    assert AuditEntry.objects.filter(action="assessment.response_submitted").count() == 1


def test_a_submitted_questionnaire_cannot_change(world, client):
    response = submitted(world.coordinator, world.organisation, uniform(50))
    client.force_login(world.coordinator)
    page = client.post(
        reverse("assessments:fill", args=[response.pk, 1]), {"item_sk-koers": "1"}, follow=True
    )
    assert "al ingediend" in page.content.decode()
    with pytest.raises(ApplicationError, match="al ingediend"):
        services.response_save_page(
            actor=world.coordinator,
            response=response,
            dimension=krachtmeting().dimensions.get(slug="stuurkracht"),
            answers={"sk-koers": "1"},
        )
    assert response.answers.get(item__code="sk-koers").number == 3


def test_filling_in_again_replaces_the_old_questionnaire_only_on_submit(world, client):
    old = submitted(world.coordinator, world.organisation, uniform(50))
    client.force_login(world.coordinator)
    assert "Opnieuw invullen?" in client.get(reverse("assessments:redo", args=[old.pk])).content.decode()

    page = client.post(reverse("assessments:redo", args=[old.pk]))
    new = Response.objects.get(status="in_progress")
    assert page.url == reverse("assessments:fill", args=[new.pk, 1])
    assert new.answers.count() == old.answers.count()  # the old answers to start from
    old.refresh_from_db()
    assert old.status == "submitted"

    answer(new, uniform(100))
    services.response_submit(actor=world.coordinator, response=new)
    old.refresh_from_db()
    assert old.status == "replaced"
    from inzet.assessments.reports import organisation_report

    report = organisation_report(old.assessment)
    assert report.respondents == 1 and {f.score for f in report.fields} == {100}
    assert AuditEntry.objects.filter(action="assessment.response_replaced").count() == 1


def test_a_questionnaire_in_progress_stays_on_its_version_and_says_so(world, client, started):
    newer = services.instrument_new_version(actor=world.staff, instrument=krachtmeting())
    newer.status = "published"
    newer.save()
    client.force_login(world.coordinator)
    html = client.get(reverse("assessments:fill", args=[started.pk, 1])).content.decode()
    assert "Er is inmiddels een nieuwere versie (versie 2)" in html
    answer(started, uniform(75))
    services.response_submit(actor=world.coordinator, response=started)
    assert DimensionScore.objects.filter(dimension__instrument__version=1).count() == len(FIELDS)


def test_a_small_organisation_answers_only_the_essential_goed_geregeld_items(world, client):
    client.force_login(world.coordinator)
    client.post(
        reverse("assessments:start", args=[world.organisation.pk]),
        {"instrument": goed_geregeld().pk, "essential_only": "on"},
    )
    response = Response.objects.get()
    html = client.get(reverse("assessments:fill", args=[response.pk, 1])).content.decode()
    assert "Voor elke vrijwilligersfunctie" in html  # essential
    assert "meer dan één kanaal" not in html  # not essential
    for page, dimension in enumerate(response.assessment.instrument.dimensions.order_by("position"), 1):
        items = dimension.items.filter(essential=True)
        data = {f"item_{item.code}": "1" if item.answer_type == "yes_no" else "5" for item in items}
        client.post(reverse("assessments:fill", args=[response.pk, page]), data)
    client.post(reverse("assessments:submit", args=[response.pk]))
    response.refresh_from_db()
    assert response.status == "submitted"
    werving = DimensionScore.objects.get(dimension__slug="werving")
    assert (werving.score, werving.answered, werving.scored_items) == (100, 1, 1)


def test_a_coordinator_invites_a_board_member_who_answers_too(world, client, started, mailoutbox):
    client.force_login(world.coordinator)
    page = client.post(
        reverse("assessments:assessment", args=[started.assessment_id]), {"email": "outsider@example.org"}
    )
    assert page.status_code == 302
    assert len(mailoutbox) == 1 and mailoutbox[0].to == ["outsider@example.org"]
    link = next(line for line in mailoutbox[0].body.splitlines() if "/krachtmeting/uitnodiging/" in line)
    path = link[link.index("/krachtmeting/") :]

    client.force_login(world.outsider)
    page = client.post(path)
    joined = Response.objects.get(respondent=world.outsider)
    assert page.url == reverse("assessments:fill", args=[joined.pk, 1])
    answer(started, {"stuurkracht": 100})
    services.response_submit(actor=world.coordinator, response=started)
    answer(joined, {"stuurkracht": 50})
    services.response_submit(actor=world.outsider, response=joined)

    client.force_login(world.coordinator)
    html = client.get(reverse("assessments:report", args=[started.assessment_id])).content.decode()
    assert "Gebaseerd op 2 ingediende vragenlijsten" in html
    assert "50–100" in html  # the spread of StuurKracht
    assert "<svg" in html  # the radar chart, next to the table with the same numbers
    assert "75" in html


def test_an_invitation_for_someone_else_is_refused(world, client, started):
    invitation = services.respondent_invitation_create(
        actor=world.coordinator, assessment=started.assessment, email="iemand@example.org"
    )
    client.force_login(world.volunteer)
    page = client.post(reverse("assessments:invitation", args=[invitation.token]), follow=True)
    assert "Deze uitnodiging is voor iemand@example.org" in page.content.decode()
    assert not Response.objects.filter(respondent=world.volunteer).exists()
    with pytest.raises(ApplicationError, match="al uitgenodigd"):
        services.respondent_invitation_create(
            actor=world.coordinator, assessment=started.assessment, email="IEMAND@example.org"
        )
