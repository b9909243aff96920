"""Who is told what, for each event of the vacaturebank. Called from the `notify` task only."""

from django.urls import reverse

from inzet.accounts.models import Membership, StaffMembership
from inzet.core.mail import send_once
from inzet.vacancies.models import Mediation, Response, Vacancy


def _coordinators(organisation) -> list[str]:
    return list(
        organisation.memberships.filter(role=Membership.Role.COORDINATOR).values_list(
            "user__email", flat=True
        )
    )


def _consultants(organisation) -> list[str]:
    return list(
        StaffMembership.objects.filter(
            support_point__municipalities=organisation.municipality_id
        ).values_list("user__email", flat=True)
    )


def send(*, kind: str, object_id: int) -> bool:
    if kind.startswith("vacancy_"):
        vacancy = Vacancy.objects.select_related("organisation").filter(pk=object_id).first()
        if vacancy is None:
            return False
        organisation = vacancy.organisation
        context = {"vacancy": vacancy, "url": vacancy.get_absolute_url()}
        if kind == "vacancy_submitted":
            context["url"] = reverse("vacancies:review", args=[vacancy.pk])
            to = _consultants(organisation)
        else:  # vacancy_published, vacancy_returned
            to = _coordinators(organisation) + [vacancy.contact_email]
        # A vacancy may be submitted, returned and published more than once: the key includes its update time.
        key = f"{kind}:{vacancy.pk}:{vacancy.updated_at.isoformat()}"
        return send_once(key=key, to=to, template_prefix=f"vacancies/email/{kind}", context=context)

    if kind.startswith("response_"):
        response = (
            Response.objects.select_related("vacancy__organisation", "volunteer").filter(pk=object_id).first()
        )
        if response is None:
            return False
        vacancy = response.vacancy
        context = {"response": response, "vacancy": vacancy}
        if kind == "response_status":
            to = [response.volunteer.email]
            context["url"] = reverse("vacancies:my_responses")
            key = f"{kind}:{response.pk}:{response.status}"
        else:  # response_created, response_withdrawn, response_reminder
            to = _coordinators(vacancy.organisation) + [vacancy.contact_email]
            context["url"] = reverse("vacancies:responses", args=[vacancy.pk])
            key = f"{kind}:{response.pk}"
        return send_once(key=key, to=to, template_prefix=f"vacancies/email/{kind}", context=context)

    if kind == "mediation_proposed":
        mediation = (
            Mediation.objects.select_related("vacancy__organisation", "volunteer")
            .filter(pk=object_id)
            .first()
        )
        if mediation is None:
            return False
        context = {
            "mediation": mediation,
            "vacancy": mediation.vacancy,
            "url": mediation.vacancy.get_absolute_url(),
        }
        sent_volunteer = send_once(
            key=f"{kind}:volunteer:{mediation.pk}",
            to=[mediation.volunteer.email],
            template_prefix="vacancies/email/mediation_to_volunteer",
            context=context,
        )
        context["url"] = reverse("vacancies:responses", args=[mediation.vacancy_id])
        sent_organisation = send_once(
            key=f"{kind}:organisation:{mediation.pk}",
            to=_coordinators(mediation.vacancy.organisation) + [mediation.vacancy.contact_email],
            template_prefix="vacancies/email/mediation_to_organisation",
            context=context,
        )
        return sent_volunteer or sent_organisation
    raise ValueError(f"unknown notification kind {kind!r}")
