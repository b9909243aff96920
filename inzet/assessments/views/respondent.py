"""Filling in a questionnaire: one page per field, save and continue later, hand in, start again."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from inzet.assessments import reports, selectors, services
from inzet.assessments.forms import PageForm, field_name
from inzet.assessments.services.responses import missing_required
from inzet.assessments.views._helpers import get_response_for_user, require
from inzet.core.errors import ApplicationError
from inzet.core.forms import add_application_error


@login_required
def response(request, pk: int):
    """In progress: the overview of pages, what is still missing and the submit button. Submitted: the answers."""
    response = get_response_for_user(request, pk)
    require(request, "assessments.view_response", response)
    assessment = response.assessment
    is_own = response.respondent_id == request.user.pk
    context = {
        "response": response,
        "assessment": assessment,
        "is_own": is_own,
        "pages": selectors.pages_for(assessment),
        "newer_version": selectors.newer_version_of(assessment.instrument),
    }
    if response.is_submitted or not is_own:
        context["answered_pages"] = reports.response_answers(response)
    else:
        context["missing"] = missing_required(response)
    return render(request, "assessments/response.html", context)


@login_required
def fill(request, pk: int, page: int):
    response = get_response_for_user(request, pk)
    require(request, "assessments.answer_response", response)
    if response.is_submitted:
        messages.info(request, _("Deze vragenlijst is al ingediend en verandert niet meer."))
        return redirect(response)
    assessment = response.assessment
    pages = selectors.pages_for(assessment)
    if not 1 <= page <= len(pages):
        raise Http404
    dimension = pages[page - 1]
    items = [item for item in selectors.items_for(assessment) if item.dimension_id == dimension.pk]
    answers = {answer.item_id: answer for answer in response.answers.filter(item__in=items)}
    form = PageForm(request.POST or None, items=items, answers=answers)
    if request.method == "POST" and form.is_valid():
        try:
            services.response_save_page(
                actor=request.user, response=response, dimension=dimension, answers=form.service_answers()
            )
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            action = request.POST.get("action")
            if action == "later":
                messages.success(
                    request, _("Je antwoorden zijn opgeslagen. Je kunt later verder waar je was.")
                )
                return redirect(response)
            if action == "previous" and page > 1:
                return redirect("assessments:fill", pk=response.pk, page=page - 1)
            if page < len(pages):
                return redirect("assessments:fill", pk=response.pk, page=page + 1)
            return redirect(response)
    return render(
        request,
        "assessments/fill.html",
        {
            "response": response,
            "assessment": assessment,
            "dimension": dimension,
            "form": form,
            "fields": [(form[field_name(item)], item) for item in items],
            "page": page,
            "page_count": len(pages),
            "newer_version": selectors.newer_version_of(assessment.instrument),
        },
    )


@login_required
@require_POST
def submit(request, pk: int):
    response = get_response_for_user(request, pk)
    require(request, "assessments.answer_response", response)
    was_submitted = response.is_submitted
    try:
        response = services.response_submit(actor=request.user, response=response)
    except ApplicationError as error:
        messages.error(request, error.message)
        return redirect(response)
    if was_submitted:
        messages.info(request, _("Deze vragenlijst was al ingediend."))
    else:
        messages.success(request, _("Bedankt! Je antwoorden zijn ingediend."))
    if request.user.has_perm("assessments.view_report", response.assessment):
        return redirect("assessments:report", pk=response.assessment_id)
    return redirect(response)


@login_required
def redo(request, pk: int):
    response = get_response_for_user(request, pk)
    require(request, "assessments.answer_response", response)
    if request.method == "POST":
        try:
            new = services.response_restart(actor=request.user, response=response)
        except ApplicationError as error:
            messages.error(request, error.message)
            return redirect(response)
        messages.info(
            request,
            _("Je vorige antwoorden staan al ingevuld. Pas aan wat veranderd is en dien opnieuw in."),
        )
        return redirect("assessments:fill", pk=new.pk, page=1)
    return render(request, "assessments/redo.html", {"response": response})
