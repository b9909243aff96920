"""Walks every named URL for every persona and asserts the exact status (DESIGN.md §5).

A new URL fails `test_every_named_url_is_in_the_matrix` until it has a row here: decide who may see it.
The `staff` persona is a superuser: Django grants a superuser every permission.
Legend: 200 ok · 302 redirect (login, or away from a page that does not apply) · 401 API needs a token ·
403 you know it exists but may not do this · 404 not yours to know about · 405 wrong method.
"""

import uuid

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from inzet.conftest import PERSONAS
from inzet.organisations.models import Invitation

P = PERSONAS  # anonymous, volunteer, coordinator, member, other_coordinator, consultant, other_consultant, officer, staff


def A(world):
    """The world with the KrachtMeting objects of `add_assessments`, made once, when a row needs them."""
    if not hasattr(world, "assessment"):
        add_assessments(world)
    return world


def E(world):
    """The world with the events objects of `add_events`, made once, when a row needs them."""
    if not hasattr(world, "event"):
        add_events(world)
    return world


def _krachtmeting_pk():
    from inzet.assessments.tests.helpers import krachtmeting

    return krachtmeting().pk


def row(*statuses):
    assert len(statuses) == len(P), statuses
    return dict(zip(P, statuses, strict=True))


def everyone(status):
    return row(*[status] * len(P))


LOGGED_IN = row(302, 200, 200, 200, 200, 200, 200, 200, 200)
ENTRANCE = row(200, 302, 302, 302, 302, 302, 302, 302, 302)  # allauth sends logged-in people on

# name → list of (case label, kwargs builder, expected statuses)
MATRIX = {
    "core:home": [("", None, everyone(200))],
    "core:dashboard": [("", None, LOGGED_IN)],
    "core:privacy": [("", None, everyone(200))],
    "set_language": [("", None, everyone(302))],
    "accounts:profile": [("", None, LOGGED_IN)],
    "accounts:api_token": [("", None, LOGGED_IN)],
    # "Hoe heet je?" is for an account without a name: every persona has one and is sent on.
    "accounts:name": [("", None, everyone(302))],
    "organisations:directory": [("", None, everyone(200))],
    "organisations:register": [("", None, LOGGED_IN)],
    "organisations:detail": [
        ("approved", lambda w: {"pk": w.organisation.pk}, everyone(200)),
        (
            "pending",
            lambda w: {"pk": w.pending_organisation.pk},
            row(404, 404, 200, 404, 404, 200, 404, 200, 200),
        ),
        ("missing", lambda w: {"pk": 999999}, everyone(404)),
    ],
    "organisations:edit": [
        ("approved", lambda w: {"pk": w.organisation.pk}, row(302, 403, 200, 403, 403, 403, 403, 403, 200)),
        (
            "pending",
            lambda w: {"pk": w.pending_organisation.pk},
            row(302, 404, 200, 404, 404, 403, 404, 403, 200),
        ),
    ],
    "organisations:members": [
        ("approved", lambda w: {"pk": w.organisation.pk}, row(302, 403, 200, 403, 403, 403, 403, 403, 200)),
        (
            "other",
            lambda w: {"pk": w.other_pending_organisation.pk},
            row(302, 404, 404, 404, 200, 404, 403, 404, 200),
        ),
    ],
    "organisations:member_remove": [
        (
            "member",
            lambda w: {"pk": w.organisation.pk, "membership_pk": w.member.memberships.get().pk},
            row(302, 403, 200, 200, 403, 403, 403, 403, 200),
        ),
        (
            "membership of another organisation",
            lambda w: {"pk": w.organisation.pk, "membership_pk": w.other_coordinator.memberships.first().pk},
            row(302, 404, 404, 404, 404, 404, 404, 404, 404),
        ),
    ],
    "organisations:invitation_revoke": [
        (
            "",
            lambda w: {"pk": w.organisation.pk, "invitation_pk": w.invitation.pk},
            row(302, 405, 405, 405, 405, 405, 405, 405, 405),
        ),
    ],
    "organisations:invitation": [
        ("open", lambda w: {"token": w.invitation.token}, LOGGED_IN),
        ("unknown", lambda w: {"token": uuid.uuid4()}, row(302, 404, 404, 404, 404, 404, 404, 404, 404)),
    ],
    "organisations:review_queue": [("", None, row(302, 403, 403, 403, 403, 200, 200, 403, 200))],
    "organisations:review": [
        (
            "pending here",
            lambda w: {"pk": w.pending_organisation.pk},
            row(302, 404, 403, 404, 404, 200, 404, 403, 200),
        ),
        (
            "pending there",
            lambda w: {"pk": w.other_pending_organisation.pk},
            row(302, 404, 404, 404, 403, 404, 200, 404, 200),
        ),
    ],
    "organisations:municipality_overview": [("", None, row(302, 403, 403, 403, 403, 403, 403, 200, 200))],
    "api:schema": [("", None, everyone(200))],
    "api:docs": [("", None, everyone(200))],
    "api:explorer": [("", None, everyone(200))],
    "api:municipality_list": [("", None, everyone(200))],
    "api:municipality_detail": [
        ("known", lambda w: {"code": "GM0014"}, everyone(200)),
        ("unknown", lambda w: {"code": "GM9999"}, everyone(404)),
    ],
    "api:organisation_list": [("", None, everyone(200))],
    "api:organisation_detail": [
        ("approved", lambda w: {"pk": w.organisation.pk}, everyone(200)),
        ("pending", lambda w: {"pk": w.pending_organisation.pk}, everyone(404)),
    ],
    "api:my_organisation_list": [("", None, row(401, 200, 200, 200, 200, 200, 200, 200, 200))],
    "api:my_organisation_detail": [
        ("own", lambda w: {"pk": w.organisation.pk}, row(401, 404, 200, 200, 404, 404, 404, 404, 404)),
    ],
    "api:vacancy_list": [("", None, everyone(200))],
    "api:vacancy_detail": [
        ("published", lambda w: {"pk": w.vacancy.pk}, everyone(200)),
        ("draft", lambda w: {"pk": w.draft_vacancy.pk}, everyone(404)),
    ],
    "api:my_organisation_vacancies": [
        ("own", lambda w: {"pk": w.organisation.pk}, row(401, 404, 200, 200, 404, 404, 404, 404, 404)),
    ],
    "api:my_vacancy_responses": [
        ("own", lambda w: {"pk": w.vacancy.pk}, row(401, 404, 200, 200, 404, 404, 404, 404, 404)),
    ],
    "api:instrument_list": [("", None, everyone(200))],
    "api:instrument_detail": [("krachtmeting", lambda w: {"pk": _krachtmeting_pk()}, everyone(200))],
    "api:campaign_list": [("", None, row(401, 200, 200, 200, 200, 200, 200, 200, 200))],
    "api:campaign_results": [
        ("", lambda w: {"pk": A(w).campaign.pk}, row(401, 404, 404, 404, 404, 200, 404, 200, 200)),
    ],
    "api:my_organisation_reports": [
        ("own", lambda w: {"pk": A(w).organisation.pk}, row(401, 404, 200, 403, 404, 404, 404, 404, 404)),
    ],
    "api:event_list": [("", None, everyone(200))],
    "api:event_detail": [
        ("", lambda w: {"pk": E(w).event.pk}, everyone(200)),
        ("missing", lambda w: {"pk": 999999}, everyone(404)),
    ],
    "api:organised_event_registrations": [
        ("", lambda w: {"pk": E(w).event.pk}, row(401, 404, 404, 404, 404, 200, 404, 404, 200)),
    ],
    "admin:index": [("", None, row(302, 302, 302, 302, 302, 302, 302, 302, 200))],
    # vacaturebank — volunteers and the public
    "vacancies:search": [("", None, everyone(200))],
    "vacancies:detail": [
        ("published", lambda w: {"pk": w.vacancy.pk}, everyone(200)),
        ("draft", lambda w: {"pk": w.draft_vacancy.pk}, row(404, 404, 200, 200, 404, 200, 404, 404, 200)),
    ],
    "vacancies:respond": [("published", lambda w: {"pk": w.vacancy.pk}, LOGGED_IN)],
    "vacancies:profile": [("", None, LOGGED_IN)],
    "vacancies:suggestions": [("", None, LOGGED_IN)],
    "vacancies:my_responses": [("", None, LOGGED_IN)],
    "vacancies:withdraw": [
        ("own response", lambda w: {"pk": w.response.pk}, row(302, 200, 404, 404, 404, 404, 404, 404, 404)),
    ],
    # A saved search is its owner's alone (the volunteer's here); its stop link works for anyone holding it.
    "vacancies:saved_searches": [("", None, LOGGED_IN)],
    "vacancies:saved_search_create": [("", None, row(302, 405, 405, 405, 405, 405, 405, 405, 405))],
    "vacancies:saved_search_alert": [
        ("own", lambda w: {"pk": w.saved_search.pk}, row(302, 405, 404, 404, 404, 404, 404, 404, 404)),
    ],
    "vacancies:saved_search_delete": [
        ("own", lambda w: {"pk": w.saved_search.pk}, row(302, 200, 404, 404, 404, 404, 404, 404, 404)),
    ],
    "vacancies:saved_search_unsubscribe": [
        ("", lambda w: {"token": w.saved_search.unsubscribe_token}, everyone(200)),
        ("unknown", lambda w: {"token": "onbekend"}, everyone(404)),
    ],
    # vacaturebank — organisations
    "vacancies:organisation_vacancies": [
        ("", lambda w: {"org_pk": w.organisation.pk}, row(302, 403, 200, 403, 403, 403, 403, 403, 200)),
    ],
    "vacancies:create": [
        ("", lambda w: {"org_pk": w.organisation.pk}, row(302, 403, 200, 403, 403, 403, 403, 403, 200)),
    ],
    "vacancies:edit": [
        ("published", lambda w: {"pk": w.vacancy.pk}, row(302, 403, 200, 403, 403, 403, 403, 403, 200)),
        ("draft", lambda w: {"pk": w.draft_vacancy.pk}, row(302, 404, 200, 403, 404, 403, 404, 404, 200)),
    ],
    "vacancies:submit": [
        ("", lambda w: {"pk": w.draft_vacancy.pk}, row(302, 405, 405, 405, 405, 405, 405, 405, 405))
    ],
    "vacancies:renew": [
        ("", lambda w: {"pk": w.vacancy.pk}, row(302, 405, 405, 405, 405, 405, 405, 405, 405))
    ],
    "vacancies:close": [
        ("", lambda w: {"pk": w.vacancy.pk}, row(302, 403, 200, 403, 403, 403, 403, 403, 200))
    ],
    "vacancies:responses": [
        ("", lambda w: {"pk": w.vacancy.pk}, row(302, 403, 200, 403, 403, 403, 403, 403, 200))
    ],
    "vacancies:response": [
        ("", lambda w: {"pk": w.response.pk}, row(302, 403, 200, 200, 404, 200, 404, 404, 200)),
    ],
    "vacancies:candidates": [
        ("", lambda w: {"pk": w.vacancy.pk}, row(302, 403, 200, 403, 403, 403, 403, 403, 200))
    ],
    "vacancies:candidate_invite": [
        (
            "",
            lambda w: {"pk": w.vacancy.pk, "profile_pk": w.profile.pk},
            row(302, 405, 405, 405, 405, 405, 405, 405, 405),
        ),
    ],
    # vacaturebank — consultants
    "vacancies:review_queue": [("", None, row(302, 403, 403, 403, 403, 200, 200, 403, 200))],
    "vacancies:review": [
        (
            "submitted here",
            lambda w: {"pk": w.submitted_vacancy.pk},
            row(302, 404, 403, 403, 404, 200, 404, 404, 200),
        ),
    ],
    "vacancies:mediation": [("", None, row(302, 403, 403, 403, 403, 200, 200, 403, 200))],
    "vacancies:mediation_propose": [
        (
            "profile here",
            lambda w: {"profile_pk": w.profile.pk},
            row(302, 403, 403, 403, 403, 200, 404, 403, 200),
        ),
    ],
    "vacancies:mediation_place": [
        ("here", lambda w: {"pk": w.mediation.pk}, row(302, 403, 403, 403, 403, 200, 404, 403, 200)),
    ],
    "vacancies:unanswered": [("", None, row(302, 403, 403, 403, 403, 200, 200, 403, 200))],
    "vacancies:placements": [("", None, row(302, 403, 403, 403, 403, 200, 200, 403, 200))],
    "vacancies:placement_end": [
        ("", lambda w: {"pk": w.placement.pk}, row(302, 403, 200, 403, 404, 200, 404, 404, 200)),
    ],
    "vacancies:statistics": [("", None, row(302, 403, 403, 403, 403, 200, 200, 403, 200))],
    # KrachtMeting — organisations and their respondents
    "assessments:mine": [("", None, LOGGED_IN)],
    "assessments:organisation": [
        (
            "approved",
            lambda w: {"org_pk": w.organisation.pk},
            row(302, 403, 200, 403, 403, 403, 403, 403, 200),
        ),
        (
            "pending there",
            lambda w: {"org_pk": w.other_pending_organisation.pk},
            row(302, 404, 404, 404, 200, 404, 403, 404, 200),
        ),
    ],
    "assessments:start": [
        ("", lambda w: {"org_pk": w.organisation.pk}, row(302, 405, 405, 405, 405, 405, 405, 405, 405)),
    ],
    "assessments:assessment": [
        ("", lambda w: {"pk": A(w).assessment.pk}, row(302, 404, 200, 403, 404, 403, 404, 404, 200)),
        (
            "there",
            lambda w: {"pk": A(w).other_assessment.pk},
            row(302, 404, 404, 404, 200, 404, 403, 404, 200),
        ),
    ],
    "assessments:join": [
        ("", lambda w: {"pk": A(w).assessment.pk}, row(302, 405, 405, 405, 405, 405, 405, 405, 405)),
    ],
    "assessments:invitation_revoke": [
        (
            "",
            lambda w: {"pk": A(w).assessment.pk, "invitation_pk": A(w).respondent_invitation.pk},
            row(302, 405, 405, 405, 405, 405, 405, 405, 405),
        ),
    ],
    "assessments:report": [
        ("", lambda w: {"pk": A(w).assessment.pk}, row(302, 404, 200, 403, 404, 200, 404, 404, 200)),
    ],
    "assessments:report_pdf": [
        ("", lambda w: {"pk": A(w).assessment.pk}, row(302, 404, 200, 403, 404, 200, 404, 404, 200)),
        ("missing", lambda w: {"pk": 999999}, row(302, 404, 404, 404, 404, 404, 404, 404, 404)),
    ],
    "assessments:invitation": [
        ("open", lambda w: {"token": A(w).respondent_invitation.token}, LOGGED_IN),
        ("unknown", lambda w: {"token": uuid.uuid4()}, row(302, 404, 404, 404, 404, 404, 404, 404, 404)),
    ],
    "assessments:response": [
        (
            "coordinator's, submitted",
            lambda w: {"pk": A(w).assessment_response.pk},
            row(302, 404, 200, 403, 404, 200, 404, 404, 200),
        ),
        (
            "member's, in progress",
            lambda w: {"pk": A(w).member_response.pk},
            row(302, 404, 200, 200, 404, 200, 404, 404, 200),
        ),
    ],
    "assessments:fill": [
        (
            "member's, in progress",
            lambda w: {"pk": A(w).member_response.pk, "page": 1},
            row(302, 404, 403, 200, 404, 403, 404, 404, 200),
        ),
        (
            "coordinator's, submitted",
            lambda w: {"pk": A(w).assessment_response.pk, "page": 1},
            row(302, 404, 302, 403, 404, 403, 404, 404, 302),
        ),
        (
            "page out of range",
            lambda w: {"pk": A(w).member_response.pk, "page": 99},
            row(302, 404, 403, 404, 404, 403, 404, 404, 404),
        ),
    ],
    "assessments:submit": [
        ("", lambda w: {"pk": A(w).member_response.pk}, row(302, 405, 405, 405, 405, 405, 405, 405, 405)),
    ],
    "assessments:redo": [
        (
            "coordinator's, submitted",
            lambda w: {"pk": A(w).assessment_response.pk},
            row(302, 404, 200, 403, 404, 403, 404, 404, 200),
        ),
    ],
    # KrachtMeting — campaigns of a support point; officers see the aggregate
    "assessments:campaigns": [("", None, row(302, 403, 403, 403, 403, 200, 200, 200, 200))],
    "assessments:campaign_create": [("", None, row(302, 403, 403, 403, 403, 200, 200, 403, 200))],
    "assessments:campaign": [
        ("", lambda w: {"pk": A(w).campaign.pk}, row(302, 404, 404, 404, 404, 200, 404, 200, 200)),
    ],
    # the PDF is made from the same report as the page: an officer's holds only the aggregate
    "assessments:campaign_pdf": [
        ("", lambda w: {"pk": A(w).campaign.pk}, row(302, 404, 404, 404, 404, 200, 404, 200, 200)),
    ],
    # one row per response: individual answers, never for an officer
    "assessments:campaign_xlsx": [
        ("", lambda w: {"pk": A(w).campaign.pk}, row(302, 404, 404, 404, 404, 200, 404, 403, 200)),
        ("missing", lambda w: {"pk": 999999}, row(302, 404, 404, 404, 404, 404, 404, 404, 404)),
    ],
    "assessments:mail_merge": [
        ("", lambda w: {"pk": A(w).campaign.pk}, row(302, 404, 404, 404, 404, 200, 404, 403, 200)),
    ],
    # support offers of a support point
    "collaboration:offers": [("", None, row(302, 403, 403, 403, 403, 200, 200, 403, 200))],
    "collaboration:offer_create": [("", None, row(302, 403, 403, 403, 403, 200, 200, 403, 200))],
    "collaboration:offer_edit": [
        ("", lambda w: {"pk": A(w).offer.pk}, row(302, 404, 404, 404, 404, 200, 404, 404, 200)),
    ],
    "collaboration:offer_delete": [
        ("", lambda w: {"pk": A(w).offer.pk}, row(302, 404, 404, 404, 404, 200, 404, 404, 200)),
    ],
    # events — public pages; organiser pages only for the organising support point (another's event: 404)
    "events:list": [("", None, everyone(200))],
    "events:detail": [
        ("", lambda w: {"pk": E(w).event.pk}, everyone(200)),
        ("missing", lambda w: {"pk": 999999}, everyone(404)),
    ],
    "events:ics": [("", lambda w: {"pk": E(w).event.pk}, everyone(200))],
    "events:series": [("", lambda w: {"pk": E(w).series.pk}, everyone(200))],
    "events:feed": [("", None, everyone(200))],
    "events:feed_province": [
        ("", lambda w: {"province": "PV20"}, everyone(200)),
        ("unknown", lambda w: {"province": "PV99"}, everyone(404)),
    ],
    # the volunteer is registered already and is sent back to the event
    "events:register": [
        ("", lambda w: {"pk": E(w).event.pk}, row(302, 302, 200, 200, 200, 200, 200, 200, 200))
    ],
    "events:my_registrations": [("", None, LOGGED_IN)],
    # a registration is its person's: everyone else (organisers included) goes through the attendee list
    "events:cancel": [
        ("", lambda w: {"pk": E(w).registration.pk}, row(302, 200, 404, 404, 404, 404, 404, 404, 404)),
    ],
    "events:evaluate": [
        ("", lambda w: {"pk": E(w).registration.pk}, row(302, 200, 404, 404, 404, 404, 404, 404, 404)),
    ],
    "events:certificate": [
        ("", lambda w: {"pk": E(w).registration.pk}, row(302, 200, 404, 404, 404, 404, 404, 404, 404)),
    ],
    # the signed link from the e-mail works without logging in; a tampered one is a clear 400
    "events:cancel_by_token": [
        ("", lambda w: {"token": E(w).registration.cancel_token}, everyone(200)),
        ("tampered", lambda w: {"token": E(w).registration.cancel_token[:-2] + "xx"}, everyone(400)),
    ],
    "events:manage": [("", None, row(302, 403, 403, 403, 403, 200, 200, 403, 200))],
    "events:create": [("", None, row(302, 403, 403, 403, 403, 200, 200, 403, 200))],
    "events:series_create": [("", None, row(302, 403, 403, 403, 403, 200, 200, 403, 200))],
    "events:statistics": [("", None, row(302, 403, 403, 403, 403, 200, 200, 403, 200))],
    "events:statistics_xlsx": [("", None, row(302, 403, 403, 403, 403, 200, 200, 403, 200))],
    "events:edit": [("", lambda w: {"pk": E(w).event.pk}, row(302, 404, 404, 404, 404, 200, 404, 404, 200))],
    "events:cancel_event": [
        ("", lambda w: {"pk": E(w).event.pk}, row(302, 404, 404, 404, 404, 200, 404, 404, 200))
    ],
    "events:attendees": [
        ("", lambda w: {"pk": E(w).event.pk}, row(302, 404, 404, 404, 404, 200, 404, 404, 200))
    ],
    "events:attendees_xlsx": [
        ("", lambda w: {"pk": E(w).event.pk}, row(302, 404, 404, 404, 404, 200, 404, 404, 200))
    ],
    "events:checkin": [
        ("", lambda w: {"pk": E(w).event.pk}, row(302, 404, 404, 404, 404, 200, 404, 404, 200))
    ],
    "events:outcome": [
        ("", lambda w: {"pk": E(w).event.pk}, row(302, 404, 404, 404, 404, 200, 404, 404, 200))
    ],
    "events:evaluations": [
        ("", lambda w: {"pk": E(w).event.pk}, row(302, 404, 404, 404, 404, 200, 404, 404, 200))
    ],
    "events:invite": [
        ("", lambda w: {"pk": E(w).event.pk}, row(302, 404, 404, 404, 404, 200, 404, 404, 200))
    ],
    "events:idea_delete": [
        ("", lambda w: {"idea_pk": E(w).idea.pk}, row(302, 405, 405, 405, 405, 405, 405, 405, 405)),
    ],
    # allauth: entrance pages for the logged out, account pages for the logged in.
    "account_login": [("", None, ENTRANCE)],
    "account_signup": [("", None, ENTRANCE)],
    "account_logout": [("", None, row(302, 200, 200, 200, 200, 200, 200, 200, 200))],
    "account_inactive": [("", None, everyone(200))],
    "account_reauthenticate": [("", None, LOGGED_IN)],
    "account_email": [("", None, LOGGED_IN)],
    "account_email_verification_sent": [("", None, everyone(200))],
    "account_change_password": [("", None, LOGGED_IN)],
    "account_set_password": [("", None, row(302, 302, 302, 302, 302, 302, 302, 302, 302))],
    "account_reset_password": [("", None, everyone(200))],
    "account_reset_password_done": [("", None, everyone(200))],
    "account_reset_password_from_key": [
        ("bad key", lambda w: {"uidb36": "x", "key": "bad"}, everyone(200)),
    ],
    "account_reset_password_from_key_done": [("", None, everyone(200))],
    "account_confirm_email": [("bad key", lambda w: {"key": "bad"}, everyone(200))],
    "account_confirm_login_code": [("", None, everyone(302))],
    # allauth 65.22: reauthenticate with a code mailed to the verified address; confirming needs a pending code.
    "account_request_reauthentication_code": [("", None, LOGGED_IN)],
    "account_confirm_reauthentication_code": [("", None, everyone(302))],
    "mfa_index": [("", None, LOGGED_IN)],
    "mfa_authenticate": [("", None, everyone(302))],
    # Setting up or using MFA asks for the password again first (force_login is not a fresh login).
    "mfa_reauthenticate": [("", None, everyone(302))],
    "mfa_activate_totp": [("", None, everyone(302))],
    "mfa_deactivate_totp": [("", None, row(302, 404, 404, 404, 404, 404, 404, 404, 404))],
    "mfa_view_recovery_codes": [("", None, row(302, 404, 404, 404, 404, 404, 404, 404, 404))],
    "mfa_generate_recovery_codes": [("", None, everyone(302))],
    "mfa_download_recovery_codes": [("", None, row(302, 404, 404, 404, 404, 404, 404, 404, 404))],
}

# The Django admin's model pages are Django's own, guarded by is_staff; the index row above stands for them.
SKIPPED_NAMESPACES = ("admin:",)


def add_vacancies(world):
    """A published, a draft and a submitted vacancy of `organisation`, a response, a profile, a placement and a
    saved search of the volunteer."""
    from datetime import date

    from django.utils import timezone

    from inzet.organisations.models import Sector
    from inzet.places.models import Municipality
    from inzet.vacancies.models import Mediation, Placement, Response, SavedSearch, Vacancy, VolunteerProfile
    from inzet.vacancies.search import vacancy_search_index_update

    groningen = Municipality.objects.get(code="GM0014")
    common = {
        "organisation": world.organisation,
        "description": "Help mee.",
        "sector": Sector.objects.get(slug="sport"),
        "municipality": groningen,
        "lat": 53.2183,
        "lon": 6.6209,
        "hours_per_week": 4,
        "commitment": "structural",
        "contact_name": "Carla",
        "contact_email": "coordinator@example.org",
        "insured": True,
        "expenses_reimbursed": True,
    }
    world.vacancy = Vacancy.objects.create(
        title="Trainer jeugd", status="published", published_at=timezone.now(), **common
    )
    world.draft_vacancy = Vacancy.objects.create(title="Kantinedienst", status="draft", **common)
    world.submitted_vacancy = Vacancy.objects.create(title="Scheidsrechter", status="submitted", **common)
    vacancy_search_index_update(
        vacancy_ids=[world.vacancy.pk, world.draft_vacancy.pk, world.submitted_vacancy.pk]
    )
    world.response = Response.objects.create(
        vacancy=world.vacancy, volunteer=world.volunteer, message="Graag!"
    )
    world.profile = VolunteerProfile.objects.create(
        user=world.volunteer,
        postcode="9712 CP",
        municipality=groningen,
        lat=53.2183,
        lon=6.6209,
        allows_mediation=True,
    )
    world.mediation = Mediation.objects.create(
        consultant=world.consultant, volunteer=world.outsider, vacancy=world.vacancy, note="Past goed."
    )
    world.placement = Placement.objects.create(
        vacancy=world.vacancy,
        organisation=world.organisation,
        volunteer=world.volunteer,
        start_date=date(2026, 2, 1),
        hours_per_week=4,
    )
    world.saved_search = SavedSearch.objects.create(owner=world.volunteer, name="Sport", query="sector=sport")
    return world


def add_assessments(world):
    """A KrachtMeting of `organisation` (the coordinator's submitted, the member's in progress), one of
    `other_organisation`, a respondent invitation, an open campaign for Groningen and a support offer."""
    from datetime import timedelta

    from django.utils import timezone

    from inzet.assessments import services
    from inzet.assessments.models import Campaign, RespondentInvitation
    from inzet.assessments.services import campaign_record_invited
    from inzet.assessments.tests.helpers import krachtmeting, submitted, uniform
    from inzet.collaboration.models import SupportOffer, SupportTheme
    from inzet.places.models import Municipality

    world.assessment_response = submitted(world.coordinator, world.organisation, uniform(75))
    world.assessment = world.assessment_response.assessment
    world.member_response = services.response_start(actor=world.member, assessment=world.assessment)
    world.other_assessment = services.assessment_start(
        actor=world.other_coordinator, organisation=world.other_organisation, instrument=krachtmeting()
    ).assessment
    world.respondent_invitation = RespondentInvitation.objects.create(
        assessment=world.assessment, email="outsider@example.org", invited_by=world.coordinator
    )
    today = timezone.localdate()
    world.campaign = Campaign.objects.create(
        support_point=world.support_point,
        instrument=krachtmeting(),
        title="Behoeftepeiling Groningen",
        starts_on=today,
        deadline=today + timedelta(days=30),
        invitation_text="Doe mee!",
        created_by=world.consultant,
    )
    world.campaign.municipalities.set([Municipality.objects.get(code="GM0014")])
    campaign_record_invited(campaign=world.campaign)  # as campaign_create does
    world.offer = SupportOffer.objects.create(
        support_point=world.support_point,
        theme=SupportTheme.objects.get(slug="jongeren"),
        title="Jongeren werven",
        description="Een avond over jongeren en vrijwilligerswerk.",
    )
    return world


def add_events(world):
    """A training of `support_point` with the volunteer registered and checked in (so a certificate exists),
    an outcome with one idea, and a series."""
    from datetime import timedelta

    from django.utils import timezone

    from inzet.events import services
    from inzet.events.models import Idea, Outcome

    start = timezone.now() + timedelta(days=10)
    common = {
        "description": "Samen leren.",
        "venue_name": "Dorpshuis",
        "starts_at": start,
        "ends_at": start + timedelta(hours=2),
        "capacity": 10,
    }
    world.event = services.event_create(
        actor=world.consultant, support_point=world.support_point, kind="training", title="Training", **common
    )
    world.registration = services.registration_create(actor=world.volunteer, event=world.event)
    services.attendance_record(actor=world.consultant, registration=world.registration)
    world.registration.refresh_from_db()
    outcome = Outcome.objects.create(event=world.event, notes="Verslag")
    world.idea = Idea.objects.create(outcome=outcome, title="Samen werven")
    world.series = services.series_create(
        actor=world.consultant,
        support_point=world.support_point,
        title="Open Club",
        kind="open_club",
        sessions=[{"starts_at": start, "ends_at": start + timedelta(hours=2)}],
        **{k: v for k, v in common.items() if k not in ("starts_at", "ends_at")},
    )
    return world


def named_urls(patterns=None, namespace=None):
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            inner = ":".join(filter(None, [namespace, pattern.namespace])) or None
            yield from named_urls(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}:{pattern.name}" if namespace else pattern.name


def test_every_named_url_is_in_the_matrix():
    missing = {
        name for name in named_urls() if name not in MATRIX and not name.startswith(SKIPPED_NAMESPACES)
    }
    assert not missing, f"add these URLs to the permission matrix: {sorted(missing)}"


CASES = [
    pytest.param(
        name, builder, persona, expected[persona], id=f"{name}{'[' + label + ']' if label else ''}-{persona}"
    )
    for name, cases in MATRIX.items()
    for label, builder, expected in cases
    for persona in P
]


@pytest.mark.parametrize(("name", "builder", "persona", "expected"), CASES)
def test_status_for_persona(world, client, name, builder, persona, expected):
    add_vacancies(world)
    world.invitation = Invitation.objects.create(
        organisation=world.organisation,
        email="volunteer@example.org",
        role="member",
        invited_by=world.coordinator,
    )
    url = reverse(name, kwargs=builder(world) if builder else None)
    user = world.persona(persona)
    if user is not None:
        client.force_login(user)
    response = client.get(url)
    assert response.status_code == expected, (
        f"{persona} GET {url}: {response.status_code}, expected {expected}"
    )
