from django import template

from inzet.events import selectors

register = template.Library()


@register.inclusion_tag("events/_organisation_outcomes.html")
def event_outcomes(organisation):
    """The meetings an organisation took part in and the ideas it takes further (for its own page)."""
    return {"event_outcomes": selectors.outcomes_for_organisation(organisation)}
