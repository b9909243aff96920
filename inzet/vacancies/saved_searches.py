"""Saved searches and their email digest: the services (save, change how often, delete, stop from the mail, send
the digests) and the one read they share, re-running a saved search.

A module of its own beside ``services.py`` (close to the size at which a module is split by sub-domain); the
writes follow the services' rules: keyword-only, atomic, an ``ApplicationError`` for what a person did wrong.

A saved search is the search page's GET parameters, re-run through the page's own code: ``SearchForm.lenient``
(a filter that no longer exists, such as a removed sector, is dropped; the rest still searches),
``SearchForm.search_request`` (a postcode that is not known searches without a place, the owner's profile
gives the place when the search has none, as on the page) and ``vacancy_search``. What was dropped is said on
the list of saved searches and in the mail.

The digest announces what is new in the list its link shows: the matches of the page's search, published after
the search was saved, never announced before (``SavedSearchHit`` is unique per saved search and vacancy). The
search runs over all open vacancies and the new ones are taken from its matches afterwards, not by searching
only the new ones: a search of several words falls back to "some of the words" when few vacancies have them
all, and that must be decided as the page decides it, not on one day's handful of new vacancies.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Q, QuerySet
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from inzet.accounts.models import User
from inzet.core.errors import ApplicationError, NotAllowed
from inzet.core.mail import send_templated_mail
from inzet.vacancies import selectors, tasks
from inzet.vacancies.forms import SearchForm
from inzet.vacancies.models import SavedSearch, SavedSearchHit, Vacancy
from inzet.vacancies.search import SearchResults, vacancy_search

MAX_SAVED_SEARCHES = 20  # per person
DIGEST_LISTED = 10  # vacancies written out in one mail; the mail links to the rest
DIGEST_RECORDED = 200  # at most this many new vacancies are announced (and counted) by one mail
# A little less than a day or a week: cron runs the command at about the same time every day, and a run that
# starts a few minutes earlier than the one before must still find a daily search due.
DUE_AFTER = {
    SavedSearch.Frequency.DAILY: timedelta(hours=23),
    SavedSearch.Frequency.WEEKLY: timedelta(days=7) - timedelta(hours=1),
}
MAX_QUERY_LENGTH = SavedSearch._meta.get_field("query").max_length
MAX_NAME_LENGTH = SavedSearch._meta.get_field("name").max_length


# ── reading: a saved search, re-run ─────────────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class SavedSearchRun:
    results: SearchResults
    notices: list[str]  # what of the saved search no longer works and was left out


def _read(saved_search: SavedSearch, *, profile=None):
    params = QueryDict(saved_search.query)
    form, dropped = SearchForm.lenient(params)
    request = form.search_request(profile=profile)
    notices = [
        _("Het filter ‘%(filter)s’ met ‘%(value)s’ bestaat niet meer; we zoeken zonder dat filter.")
        % {"filter": form.fields[name].label, "value": ", ".join(params.getlist(name))}
        for name in dropped
    ]
    if request.unknown_postcode:
        notices.append(
            _("We kennen postcode ‘%(postcode)s’ niet (meer); we zoeken daarom zonder afstand.")
            % {"postcode": request.unknown_postcode}
        )
    return form, request, notices


def saved_search_summary(saved_search: SavedSearch) -> tuple[str, list[str]]:
    """Its filters in a few words, and what of it no longer works (without running the search)."""
    form, _request, notices = _read(saved_search)
    return form.describe(), notices


def saved_search_run(saved_search: SavedSearch) -> SavedSearchRun:
    """The search page's results for this saved search, as its owner sees them when logged in."""
    _form, request, notices = _read(saved_search, profile=selectors.profile_of(saved_search.owner))
    return SavedSearchRun(results=vacancy_search(request.query), notices=notices)


def saved_searches_due(*, now: datetime | None = None) -> QuerySet[SavedSearch]:
    now = now or timezone.now()
    return SavedSearch.objects.filter(_due(now), active=True, owner__is_active=True)


def _due(now: datetime) -> Q:
    due = Q(last_sent_at__isnull=True)
    for frequency, after in DUE_AFTER.items():
        due |= Q(frequency=frequency, last_sent_at__lte=now - after)
    return due


# ── writing ─────────────────────────────────────────────────────────────────────────────────────────────────


def _field_error(field: str, message: str) -> ApplicationError:
    return ApplicationError(message, {"fields": {field: message}})


def _check_frequency(frequency: str) -> None:
    if frequency not in SavedSearch.Frequency.values:
        raise _field_error("frequency", _("Kies hoe vaak je een e-mail wilt: elke dag of elke week."))


@transaction.atomic
def saved_search_create(
    *, owner: User, params: QueryDict | str, name: str = "", frequency: str = SavedSearch.Frequency.WEEKLY
) -> tuple[SavedSearch, bool]:
    """Keep a search of the search page (its GET parameters) for its owner. Returns the saved search and whether
    it is new: the same search saved again (or twice at once) is the one saved before."""
    _check_frequency(frequency)
    form, _dropped = SearchForm.lenient(params if isinstance(params, QueryDict) else QueryDict(params))
    query = form.as_querystring()
    if len(query) > MAX_QUERY_LENGTH:
        raise ApplicationError(_("Deze zoekopdracht is te lang om te bewaren. Zoek met minder woorden."))
    # The owner's row is the lock: two clicks at once count and compare one after the other.
    User.objects.select_for_update().filter(pk=owner.pk).first()
    existing = SavedSearch.objects.filter(owner=owner, query=query).first()
    if existing is not None:
        return existing, False
    if SavedSearch.objects.filter(owner=owner).count() >= MAX_SAVED_SEARCHES:
        raise ApplicationError(
            _(
                "Je hebt al %(max)s zoekopdrachten bewaard, het maximum. Verwijder er eerst een bij "
                "‘Mijn zoekopdrachten’."
            )
            % {"max": MAX_SAVED_SEARCHES}
        )
    name = " ".join((name or "").split())[:MAX_NAME_LENGTH] or form.describe()[:MAX_NAME_LENGTH]
    try:
        with transaction.atomic():
            saved_search = SavedSearch.objects.create(
                owner=owner, name=name, query=query, frequency=frequency
            )
    except IntegrityError:  # saved at the same moment by another request (SQLite has no row lock)
        return SavedSearch.objects.get(owner=owner, query=query), False
    return saved_search, True


def _check_owner(actor: User, saved_search: SavedSearch) -> None:
    if saved_search.owner_id != actor.pk:
        raise NotAllowed(_("Dit is niet jouw zoekopdracht."))


@transaction.atomic
def saved_search_change_frequency(
    *, actor: User, saved_search: SavedSearch, frequency: str, active: bool = True
) -> SavedSearch:
    """How often the digest comes, or (``active=False``) no digest at all."""
    _check_owner(actor, saved_search)
    _check_frequency(frequency)
    saved_search.frequency, saved_search.active = frequency, active
    saved_search.save(update_fields=["frequency", "active"])
    return saved_search


@transaction.atomic
def saved_search_delete(*, actor: User, saved_search: SavedSearch) -> None:
    _check_owner(actor, saved_search)
    saved_search.delete()


def saved_search_by_token(token) -> SavedSearch:
    """The saved search an unsubscribe link is for; an unknown token (or one of a deleted search) is refused."""
    found = None
    if isinstance(token, str) and 0 < len(token) <= 64:
        found = SavedSearch.objects.filter(unsubscribe_token=token).first()
    if found is None:
        raise ApplicationError(
            _(
                "Deze afmeldlink klopt niet (meer). Misschien is de zoekopdracht al verwijderd. Log in en kijk "
                "bij ‘Mijn zoekopdrachten’."
            )
        )
    return found


@transaction.atomic
def saved_search_unsubscribe(*, saved_search: SavedSearch) -> bool:
    """The "stop" link of the mail (no login: the token is the key). Returns whether it was still on."""
    return bool(SavedSearch.objects.filter(pk=saved_search.pk, active=True).update(active=False))


# ── the digest ──────────────────────────────────────────────────────────────────────────────────────────────


def saved_search_digests_queue(*, now: datetime | None = None) -> int:
    """Queue a digest for every saved search that is due (run daily, or more often: it is idempotent)."""
    ids = list(saved_searches_due(now=now).values_list("pk", flat=True))
    for saved_search_id in ids:
        tasks.send_saved_search_digest.enqueue(saved_search_id=saved_search_id)
    return len(ids)


def saved_search_digest_send(*, saved_search_id: int, now: datetime | None = None) -> int:
    """One mail with the new vacancies of one saved search, if it is due and has any. Returns how many were
    announced (0: no mail). The saved search's row is locked and due-ness checked again under the lock, the
    announced vacancies are recorded in the same transaction as the mail is sent (a failing send rolls them
    back), and a vacancy is recorded once per saved search: two runs at once send one mail."""
    now = now or timezone.now()
    try:
        with transaction.atomic():
            return _digest_send(saved_search_id, now)
    except IntegrityError:  # another run announced them first
        return 0


def _digest_send(saved_search_id: int, now: datetime) -> int:
    saved_search = (
        saved_searches_due(now=now).select_for_update(of=("self",)).filter(pk=saved_search_id).first()
    )
    if saved_search is None:
        return 0
    owner = saved_search.owner
    run = saved_search_run(saved_search)
    announced = SavedSearchHit.objects.filter(saved_search=saved_search).values("vacancy_id")
    new_ids = list(
        run.results.matching.filter(published_at__gt=saved_search.created_at)
        .exclude(pk__in=announced)
        .order_by(F("published_at").desc(), "-pk")
        .values_list("pk", flat=True)[: DIGEST_RECORDED + 1]
    )
    if not new_ids:
        return 0
    # Beyond the cap the mail says "meer dan"; the older ones left over come in a next mail.
    capped, new_ids = len(new_ids) > DIGEST_RECORDED, new_ids[:DIGEST_RECORDED]
    SavedSearchHit.objects.bulk_create(
        [SavedSearchHit(saved_search=saved_search, vacancy_id=pk) for pk in new_ids]
    )
    SavedSearch.objects.filter(pk=saved_search.pk).update(last_sent_at=now)
    listed = list(
        Vacancy.objects.filter(pk__in=new_ids[:DIGEST_LISTED])
        .select_related("organisation", "municipality")
        .order_by(F("published_at").desc(), "-pk")
    )
    unsubscribe_url = f"{settings.SITE_URL}{saved_search.get_unsubscribe_url()}"
    send_templated_mail(
        to=[owner.email],
        template_prefix="vacancies/email/saved_search_digest",
        language=owner.language,
        context={
            "saved_search": saved_search,
            "vacancies": listed,
            "count": len(new_ids),
            "capped": capped,
            "more": len(new_ids) - len(listed),
            "notices": run.notices,
            "search_url": saved_search.get_search_url(),
            "manage_url": reverse("vacancies:saved_searches"),
            "unsubscribe_url": unsubscribe_url,
        },
        # RFC 8058: a mail program's "unsubscribe" button POSTs to the same link, without a login or a form.
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    return len(new_ids)
