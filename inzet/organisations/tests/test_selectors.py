from inzet.factories import OrganisationFactory
from inzet.organisations import selectors
from inzet.organisations.models import Organisation, Sector


def test_the_directory_lists_only_approved_organisations(world):
    names = set(selectors.organisation_directory().values_list("name", flat=True))
    assert names == {"Voetbalvereniging Oranje", "Muziekvereniging Winschoten"}


def test_the_directory_searches_names_and_filters_by_municipality_and_sector(world):
    OrganisationFactory(name="Scouting Helpman", sectors=[Sector.objects.get(slug="scouting-jeugd")])
    assert [o.name for o in selectors.organisation_directory(query="scout")] == ["Scouting Helpman"]
    assert [o.name for o in selectors.organisation_directory(municipality_code="GM1895")] == [
        "Muziekvereniging Winschoten"
    ]
    assert [o.name for o in selectors.organisation_directory(sector_slug="scouting-jeugd")] == [
        "Scouting Helpman"
    ]


def test_an_organisation_in_two_sectors_appears_once(world):
    OrganisationFactory(
        name="Sport en Spel", sectors=list(Sector.objects.filter(slug__in=["sport", "overig"]))
    )
    assert [o.name for o in selectors.organisation_directory(query="Sport en")] == ["Sport en Spel"]


def test_the_review_queue_holds_only_pending_organisations_of_the_consultants_area(world):
    assert list(selectors.review_queue_for(world.consultant)) == [world.pending_organisation]
    assert list(selectors.review_queue_for(world.other_consultant)) == [world.other_pending_organisation]
    assert set(selectors.review_queue_for(world.staff)) == {
        world.pending_organisation,
        world.other_pending_organisation,
    }


def test_an_officer_sees_every_organisation_of_their_municipality_only(world):
    assert set(selectors.organisations_for_officer(world.officer)) == {
        world.organisation,
        world.pending_organisation,
    }
    assert list(selectors.organisations_for_officer(world.officer, status=Organisation.Status.PENDING)) == [
        world.pending_organisation
    ]


def test_visibility_has_no_duplicates_for_people_with_several_roles(world):
    from inzet.factories import make_consultant, make_officer

    make_consultant(world.support_point, world.coordinator)
    make_officer("GM0014", world.coordinator)
    visible = list(selectors.organisations_visible_to(world.coordinator))
    assert len(visible) == len(set(visible)) == 3
