"""The NOV criteria a support point checks before publishing a vacancy (Vereniging NOV).

Each criterion has a check the platform can do itself; the consultant confirms every one by hand.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

MAX_HOURS_PER_WEEK = 20


@dataclass(frozen=True)
class Criterion:
    key: str
    label: str
    passes: bool


def criteria(vacancy) -> list[Criterion]:
    return [
        Criterion("hours", _("Hoogstens 20 uur per week"), vacancy.hours_per_week <= MAX_HOURS_PER_WEEK),
        Criterion("insured", _("Vrijwilligers zijn verzekerd"), bool(vacancy.insured)),
        Criterion("expenses", _("Onkosten worden vergoed"), bool(vacancy.expenses_reimbursed)),
        Criterion(
            "contact",
            _("Er is een vaste contactpersoon"),
            bool(vacancy.contact_name and vacancy.contact_email),
        ),
        # The platform cannot see this one; the consultant judges the organisation and the work.
        Criterion(
            "not_for_profit",
            _("Geen winstoogmerk; het werk verdringt geen betaald werk"),
            vacancy.organisation.legal_form in ("vereniging", "stichting", "informeel"),
        ),
    ]


def keys() -> list[str]:
    return ["hours", "insured", "expenses", "contact", "not_for_profit"]
