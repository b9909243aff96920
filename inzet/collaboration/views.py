"""Support offers, maintained by the consultants of a support point."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from inzet.collaboration import selectors, services
from inzet.collaboration.forms import SupportOfferForm
from inzet.core.errors import ApplicationError
from inzet.core.forms import add_application_error
from inzet.core.pagination import paginate
from inzet.core.tenancy import get_for_user_or_404
from inzet.organisations.selectors import support_points_worked_for


def _require_support_point_staff(request) -> None:
    if not request.user.has_perm("collaboration.view_support_offers", None):
        raise PermissionDenied


def _get_offer_for_user(request, pk: int):
    return get_for_user_or_404(selectors.support_offers_for(request.user), pk=pk)


@login_required
def offer_list(request):
    _require_support_point_staff(request)
    page = paginate(request, selectors.support_offers_for(request.user))
    return render(request, "collaboration/offer_list.html", {"page": page})


@login_required
def offer_create(request):
    _require_support_point_staff(request)
    support_points = list(support_points_worked_for(request.user))
    if not support_points:
        raise PermissionDenied
    form = SupportOfferForm(request.POST or None, support_points=support_points)
    if request.method == "POST" and form.is_valid():
        data = form.service_data()
        support_point = data.pop("support_point", None) or support_points[0]
        try:
            services.support_offer_create(actor=request.user, support_point=support_point, **data)
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(request, _("Het aanbod is toegevoegd."))
            return redirect("collaboration:offers")
    return render(request, "collaboration/offer_form.html", {"form": form})


@login_required
def offer_edit(request, pk: int):
    offer = _get_offer_for_user(request, pk)
    form = SupportOfferForm(request.POST or None, instance=offer, support_points=[offer.support_point])
    if request.method == "POST" and form.is_valid():
        try:
            services.support_offer_update(actor=request.user, offer=offer, **form.service_data())
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(request, _("Het aanbod is opgeslagen."))
            return redirect("collaboration:offers")
    return render(request, "collaboration/offer_form.html", {"form": form, "offer": offer})


@login_required
def offer_delete(request, pk: int):
    offer = _get_offer_for_user(request, pk)
    if request.method == "POST":
        try:
            services.support_offer_delete(actor=request.user, offer=offer)
        except ApplicationError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("‘%(title)s’ is verwijderd.") % {"title": offer.title})
        return redirect("collaboration:offers")
    return render(request, "collaboration/offer_delete.html", {"offer": offer})
