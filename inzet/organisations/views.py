from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from inzet.accounts.models import Membership
from inzet.core import audit
from inzet.core.errors import ApplicationError
from inzet.core.forms import add_application_error
from inzet.core.pagination import paginate
from inzet.core.tenancy import get_for_user_or_404
from inzet.organisations import selectors, services
from inzet.organisations.forms import DirectoryFilterForm, InvitationForm, OrganisationForm, RejectForm
from inzet.organisations.models import Organisation


def _get_organisation_for_user(request, pk: int) -> Organisation:
    """The one way views fetch an organisation: unknown, or not this person's to know about, is a 404."""
    return get_for_user_or_404(
        selectors.organisations_visible_to(request.user).select_related("municipality"), pk=pk
    )


def _require(request, permission: str, obj) -> None:
    if not request.user.has_perm(permission, obj):
        raise PermissionDenied


def directory(request):
    form = DirectoryFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    organisations = selectors.organisation_directory(
        query=(filters.get("q") or "").strip(),
        municipality_code=filters["municipality"].code if filters.get("municipality") else "",
        sector_slug=filters["sector"].slug if filters.get("sector") else "",
    )
    page = paginate(request, organisations)
    template = (
        "organisations/directory.html#results"
        if request.headers.get("HX-Request")
        else ("organisations/directory.html")
    )
    return render(
        request,
        template,
        {
            "form": form,
            "page": page,
            "is_filtered": bool(
                request.GET.get("q") or request.GET.get("municipality") or request.GET.get("sector")
            ),
        },
    )


def detail(request, pk: int):
    organisation = _get_organisation_for_user(request, pk)
    user = request.user
    return render(
        request,
        "organisations/detail.html",
        {
            "organisation": organisation,
            "can_change": user.has_perm("organisations.change_organisation", organisation),
            "can_manage_members": user.has_perm("organisations.manage_members", organisation),
            "can_review": user.has_perm("organisations.review_organisation", organisation)
            and organisation.status == Organisation.Status.PENDING,
        },
    )


@login_required
def register(request):
    form = OrganisationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            organisation = services.organisation_register(user=request.user, **form.service_data())
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(
                request,
                _(
                    "Bedankt! %(name)s is aangemeld. De vrijwilligerscentrale beoordeelt de aanmelding; "
                    "je krijgt daarover een e-mail."
                )
                % {"name": organisation.name},
            )
            return redirect(organisation)
    return render(request, "organisations/form.html", {"form": form, "is_new": True})


@login_required
def edit(request, pk: int):
    organisation = _get_organisation_for_user(request, pk)
    _require(request, "organisations.change_organisation", organisation)
    form = OrganisationForm(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        try:
            services.organisation_update(actor=request.user, organisation=organisation, **form.service_data())
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(request, _("De gegevens zijn opgeslagen."))
            return redirect("organisations:detail", pk=organisation.pk)
    return render(
        request, "organisations/form.html", {"form": form, "organisation": organisation, "is_new": False}
    )


@login_required
def members(request, pk: int):
    organisation = _get_organisation_for_user(request, pk)
    _require(request, "organisations.manage_members", organisation)
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            invitation = services.invitation_create(
                actor=request.user, organisation=organisation, **form.cleaned_data
            )
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(
                request, _("Uitnodiging verstuurd naar %(email)s.") % {"email": invitation.email}
            )
            return redirect("organisations:members", pk=organisation.pk)
    return render(
        request,
        "organisations/members.html",
        {
            "organisation": organisation,
            "members": selectors.organisation_members(organisation),
            "invitations": selectors.organisation_open_invitations(organisation),
            "form": form,
        },
    )


@login_required
def member_remove(request, pk: int, membership_pk: int):
    organisation = _get_organisation_for_user(request, pk)
    membership = get_object_or_404(
        Membership.objects.select_related("user"), pk=membership_pk, organisation=organisation
    )
    if membership.user_id != request.user.pk:
        _require(request, "organisations.manage_members", organisation)
    elif not request.user.has_perm("organisations.view_organisation", organisation):
        raise PermissionDenied
    if request.method == "POST":
        try:
            services.membership_remove(actor=request.user, membership=membership)
        except ApplicationError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                _("%(person)s hoort niet meer bij %(organisation)s.")
                % {"person": membership.user, "organisation": organisation},
            )
            if membership.user_id == request.user.pk:
                return redirect("core:dashboard")
        return redirect("organisations:members", pk=organisation.pk)
    return render(
        request, "organisations/member_remove.html", {"organisation": organisation, "membership": membership}
    )


@login_required
@require_POST
def invitation_revoke(request, pk: int, invitation_pk: int):
    organisation = _get_organisation_for_user(request, pk)
    _require(request, "organisations.manage_members", organisation)
    invitation = get_object_or_404(organisation.invitations, pk=invitation_pk)
    try:
        services.invitation_revoke(actor=request.user, invitation=invitation)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("De uitnodiging voor %(email)s is ingetrokken.") % {"email": invitation.email}
        )
    return redirect("organisations:members", pk=organisation.pk)


@login_required
def invitation(request, token):
    invitation = selectors.invitation_get_open(token)
    if invitation is None:
        return render(request, "organisations/invitation.html", {"invitation": None}, status=404)
    if request.method == "POST":
        try:
            services.invitation_accept(user=request.user, invitation=invitation)
        except ApplicationError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request, _("Welkom bij %(organisation)s!") % {"organisation": invitation.organisation}
            )
            return redirect("organisations:detail", pk=invitation.organisation_id)
    return render(request, "organisations/invitation.html", {"invitation": invitation})


@login_required
def review_queue(request):
    _require(request, "organisations.view_review_queue", None)
    page = paginate(request, selectors.review_queue_for(request.user))
    return render(request, "organisations/review_queue.html", {"page": page})


@login_required
def review(request, pk: int):
    organisation = _get_organisation_for_user(request, pk)
    _require(request, "organisations.review_organisation", organisation)
    reject_form = RejectForm(request.POST if request.POST.get("decision") == "reject" else None)
    if request.method == "POST":
        decision = request.POST.get("decision")
        try:
            if decision == "approve":
                services.organisation_approve(actor=request.user, organisation=organisation)
                messages.success(
                    request,
                    _("%(name)s is goedgekeurd en staat nu in de gids.") % {"name": organisation.name},
                )
                return redirect("organisations:review_queue")
            if decision == "reject" and reject_form.is_valid():
                services.organisation_reject(
                    actor=request.user, organisation=organisation, reason=reject_form.cleaned_data["reason"]
                )
                messages.success(
                    request,
                    _("%(name)s is afgewezen; de coördinator krijgt de reden per e-mail.")
                    % {"name": organisation.name},
                )
                return redirect("organisations:review_queue")
            if decision not in {"approve", "reject"}:
                messages.error(request, _("Kies goedkeuren of afwijzen."))
        except ApplicationError as error:
            if decision == "reject" and error.fields:
                add_application_error(reject_form, error)
            else:
                messages.error(request, error.message)
                return redirect("organisations:review", pk=organisation.pk)
    return render(
        request,
        "organisations/review.html",
        {
            "organisation": organisation,
            "reject_form": reject_form,
            "history": audit.entries_for(organisation)[:20],
            "members": selectors.organisation_members(organisation),
        },
    )


@login_required
def municipality_overview(request):
    _require(request, "organisations.view_municipality_overview", None)
    status = request.GET.get("status", "")
    if status not in Organisation.Status.values:
        status = ""
    page = paginate(request, selectors.organisations_for_officer(request.user, status=status))
    return render(
        request,
        "organisations/municipality_overview.html",
        {
            "page": page,
            "status": status,
            "statuses": Organisation.Status.choices,
            "sector_counts": selectors.municipality_sector_counts(request.user),
        },
    )
