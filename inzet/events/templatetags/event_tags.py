from django import template

from inzet.events import selectors

register = template.Library()


@register.inclusion_tag("events/_organisation_outcomes.html")
def event_outcomes(organisation):
    """The meetings an organisation took part in and the ideas it takes further (for its own page)."""
    return {"event_outcomes": selectors.outcomes_for_organisation(organisation)}


@register.inclusion_tag("events/_organisation_upcoming.html")
def event_upcoming_for_organisation(organisation):
    """The coming meetings the organisation takes part in (for its public page)."""
    return {"organisation": organisation, "events": selectors.upcoming_events_of_organisation(organisation)}
