from django.urls import reverse

from inzet.assessments.tests.helpers import submitted


def test_it_renders_the_whole_flow(world, client):
    response = submitted(
        world.coordinator, world.organisation, {"stuurkracht": 100, "draagkracht": 25}, themes=["jongeren"]
    )
    client.force_login(world.coordinator)
    for url in [
        reverse("assessments:mine"),
        reverse("assessments:organisation", args=[world.organisation.pk]),
        reverse("assessments:assessment", args=[response.assessment_id]),
        reverse("assessments:report", args=[response.assessment_id]),
        reverse("assessments:response", args=[response.pk]),
        reverse("assessments:redo", args=[response.pk]),
    ]:
        page = client.get(url)
        assert page.status_code == 200, url
    client.force_login(world.consultant)
    assert client.get(reverse("assessments:campaigns")).status_code == 200
    assert client.get(reverse("assessments:campaign_create")).status_code == 200
    assert client.get(reverse("collaboration:offers")).status_code == 200
    assert client.get(reverse("collaboration:offer_create")).status_code == 200
