"""A volunteer's saved searches: keep a search of the search page, "Mijn zoekopdrachten" (how often a mail
comes, delete), and the one-click stop link of the mail, which works without logging in."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseNotAllowed, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from inzet.core.errors import ApplicationError
from inzet.core.tenancy import get_for_user_or_404
from inzet.vacancies import saved_searches, selectors
from inzet.vacancies.forms import ALERT_OFF, SavedSearchAlertForm, SaveSearchForm


def _get_saved_search(request, pk: int):
    """One's own saved search; anyone else's does not exist (404)."""
    return get_for_user_or_404(selectors.saved_searches_of(request.user), pk=pk)


def _search_url(params: str) -> str:
    """Back to the search page with these parameters, parsed and encoded again (the POST is not trusted)."""
    url = reverse("vacancies:search")
    params = QueryDict(params).urlencode()
    return f"{url}?{params}" if params else url


@login_required
@require_POST
def create(request):
    form = SaveSearchForm(request.POST)
    params = request.POST.get("params", "")[:4000]
    if not form.is_valid():
        messages.error(request, _("Deze zoekopdracht kon niet bewaard worden. Probeer het nog eens."))
        return redirect(_search_url(params))
    try:
        saved_search, created = saved_searches.saved_search_create(
            owner=request.user,
            params=form.cleaned_data["params"],
            name=form.cleaned_data["name"],
            frequency=form.cleaned_data["frequency"],
        )
    except ApplicationError as error:
        messages.error(request, error.message)
        return redirect(_search_url(params))
    if created:
        messages.success(
            request,
            _(
                "Je zoekopdracht ‘%(name)s’ is bewaard. Komen er nieuwe vacatures bij, dan krijg je %(when)s "
                "een e-mail."
            )
            % {
                "name": saved_search.name,
                "when": _("elke dag")
                if saved_search.frequency == saved_search.Frequency.DAILY
                else _("elke week"),
            },
        )
    else:
        messages.info(
            request, _("Je had deze zoekopdracht al bewaard als ‘%(name)s’.") % {"name": saved_search.name}
        )
    return redirect(saved_search.get_search_url())


@login_required
def index(request):
    entries = []
    for saved_search in selectors.saved_searches_of(request.user):
        description, notices = saved_searches.saved_search_summary(saved_search)
        entries.append(
            {
                "saved_search": saved_search,
                "description": description,
                "notices": notices,
                "form": SavedSearchAlertForm.for_saved_search(saved_search),
            }
        )
    return render(
        request,
        "vacancies/volunteer/saved_searches.html",
        {"entries": entries, "maximum": saved_searches.MAX_SAVED_SEARCHES},
    )


@login_required
def alert(request, pk: int):
    saved_search = _get_saved_search(request, pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    form = SavedSearchAlertForm.for_saved_search(saved_search, request.POST)
    if not form.is_valid():
        messages.error(request, _("Kies elke dag, elke week of geen e-mail."))
        return redirect("vacancies:saved_searches")
    choice = form.cleaned_data["alert"]
    saved_searches.saved_search_change_frequency(
        actor=request.user,
        saved_search=saved_search,
        frequency=saved_search.frequency if choice == ALERT_OFF else choice,
        active=choice != ALERT_OFF,
    )
    messages.success(
        request,
        _("Je krijgt geen e-mail meer over ‘%(name)s’.") % {"name": saved_search.name}
        if choice == ALERT_OFF
        else _("Je krijgt %(when)s een e-mail over ‘%(name)s’ als er nieuwe vacatures zijn.")
        % {
            "when": _("elke dag") if choice == saved_search.Frequency.DAILY else _("elke week"),
            "name": saved_search.name,
        },
    )
    return redirect("vacancies:saved_searches")


@login_required
def delete(request, pk: int):
    saved_search = _get_saved_search(request, pk)
    if request.method == "POST":
        saved_searches.saved_search_delete(actor=request.user, saved_search=saved_search)
        messages.success(request, _("Zoekopdracht ‘%(name)s’ is verwijderd.") % {"name": saved_search.name})
        return redirect("vacancies:saved_searches")
    return render(request, "vacancies/volunteer/saved_search_delete.html", {"saved_search": saved_search})


# Without CSRF: a mail program's one-click unsubscribe (RFC 8058) POSTs here without a form or a session. The
# unguessable token in the URL is what authorises the POST, and it can only switch the mail off.
@csrf_exempt
def unsubscribe(request, token: str):
    """The stop link of the mail: a page with one button (mail scanners follow links; they do not POST)."""
    try:
        saved_search = saved_searches.saved_search_by_token(token)
    except ApplicationError as error:
        return render(
            request,
            "vacancies/volunteer/saved_search_token_invalid.html",
            {"message": error.message},
            status=404,
        )
    stopped = False
    if request.method == "POST":
        saved_searches.saved_search_unsubscribe(saved_search=saved_search)
        stopped = True
    return render(
        request,
        "vacancies/volunteer/saved_search_unsubscribe.html",
        {"saved_search": saved_search, "stopped": stopped},
    )
