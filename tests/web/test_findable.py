"""Findable: search finds people and organisations, outlets, the court record and discrepancies; the
entity and story indexes list everything, paged, from the navigation; every speaker and the judge link
to their entity pages."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.web.grow import grow
from tracker.cases.models import Case, Entity
from tracker.crossref.models import Claim, Story
from tracker.dockets.models import DocketEntry
from tracker.dockets.sample import load_docket_sample
from tracker.sources.models import Outlet

pytestmark = pytest.mark.django_db


@pytest.fixture
def sample_with_docket(sample_corpus):
    load_docket_sample()
    return sample_corpus


def _search(client, q: str) -> str:
    response = client.get(reverse("web:search"), {"q": q})
    assert response.status_code == 200
    return response.content.decode()


def test_search_finds_an_outlet_a_judge_and_a_docket_entry(client, sample_with_docket):
    aivizor = Outlet.objects.get(name="Aivizor")
    html = _search(client, "Aivizor")
    assert f'href="{reverse("web:outlet", args=[aivizor.pk])}"><mark>Aivizor</mark>' in html

    judge = Entity.objects.get(slug="yvonne-gonzalez-rogers")
    html = _search(client, "Gonzalez")
    assert f'href="{reverse("web:entity", args=[judge.slug])}">Yvonne <mark>Gonzalez</mark> Rogers' in html

    entry = DocketEntry.objects.get(description__contains="Limine")
    html = _search(client, "limine")
    assert f"#record-{entry.pk}" in html and "Motion in <mark>Limine</mark>" in html
    assert "Court record" in html


def test_search_finds_people_by_alias_and_not_candidates(client, sample_corpus):
    html = _search(client, "Altman")
    assert f'href="{reverse("web:entity", args=["sam-altman"])}"' in html
    assert "google-org" not in _search(client, "Google")  # a machine candidate has no public page


def test_search_finds_discrepancies_and_links_their_claim(client, sample_corpus):
    claim = Claim.objects.get(text__contains="general practice")
    html = _search(client, "general practice")
    section = html[html.index('id="results-discrepancies"') :]
    assert "Quote wording" in section or "quote wording" in section
    assert f'href="{reverse("web:claim", args=[claim.pk])}"' in section


def test_hidden_docket_kinds_are_not_found(client, sample_with_docket):
    case = Case.objects.get(slug="musk-v-openai")
    case.hidden_docket_kinds = ["order"]
    case.save()
    DocketEntry.objects.filter(kind="order").update(hidden=True)
    assert "Limine" not in _search(client, "limine")


def test_search_with_every_group_stays_bounded(client, sample_with_docket, django_assert_max_num_queries):
    url = reverse("web:search")
    with django_assert_max_num_queries(13):
        assert client.get(url, {"q": "musk"}).status_code == 200
    grow(30)
    with django_assert_max_num_queries(13):
        response = client.get(url, {"q": "outlet"})
    assert response.status_code == 200
    assert response.content.decode().count('class="result result--outlet"') == 10  # a group is capped


def test_the_entity_index_lists_curated_entities_paged(client, sample_corpus, django_assert_max_num_queries):
    url = reverse("web:entities")
    with django_assert_max_num_queries(4):
        response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'href="{reverse("web:entity", args=["sam-altman"])}">Sam Altman</a>' in html
    assert "Google" not in html  # a candidate
    assert client.get(url, {"kind": "ORG"}).content.decode().count('class="index-item"') == 4
    listed = html.count('class="index-item"')  # the seeded entities; 50 a page
    Entity.objects.bulk_create(
        [Entity(name=f"Zed Person {i:02}", slug=f"zed-{i:02}", kind="PERSON") for i in range(60)]
    )
    with django_assert_max_num_queries(4):
        response = client.get(url)
        assert response.status_code == 200
    first = response.content.decode()
    last, next_ = f"Zed Person {49 - listed:02}", f"Zed Person {50 - listed:02}"
    assert last in first and next_ not in first
    older = first.split('rel="next" href="')[1].split('"')[0].replace("&amp;", "&")
    second = client.get(url + older).content.decode()
    assert next_ in second and "Sam Altman" not in second
    assert client.get(url, {"older": "forged"}).status_code == 404


def test_the_story_index_lists_stories_newest_first(client, sample_corpus, django_assert_max_num_queries):
    story = Story.objects.order_by("pk").first()
    with django_assert_max_num_queries(4):
        response = client.get(reverse("web:stories"))
    assert response.status_code == 200
    html = response.content.decode()
    assert f'href="{reverse("web:story", args=[story.pk])}"' in html
    assert f"{story.memberships.count()} articles" in html
    assert "first published" in html  # the earliest stated publication, not when it was stored


def test_the_navigation_links_the_indexes(client, db):
    html = client.get(reverse("web:outlets")).content.decode()
    nav = html[html.index('aria-label="Main"') : html.index("</nav>")]
    assert f'href="{reverse("web:stories")}"' in nav and f'href="{reverse("web:entities")}"' in nav


def test_the_case_links_its_judge_and_its_people(client, sample_corpus, django_assert_max_num_queries):
    case = Case.objects.get(slug="musk-v-openai")
    with django_assert_max_num_queries(24):
        response = client.get(reverse("web:case", args=[case.slug]))
    assert response.status_code == 200
    html = response.content.decode()
    judge = reverse("web:entity", args=["yvonne-gonzalez-rogers"])
    assert f'<dt>Judge</dt><dd><a href="{judge}">Yvonne Gonzalez Rogers</a>' in html
    assert f'href="{reverse("web:entity", args=["sam-altman"])}"' in html


def test_the_judge_is_found_by_alias(client, sample_corpus):
    case = Case.objects.get(slug="musk-v-openai")
    case.judge = "Judge Gonzalez Rogers"
    case.save()
    html = client.get(reverse("web:case", args=[case.slug])).content.decode()
    judge = reverse("web:entity", args=["yvonne-gonzalez-rogers"])
    assert f'<dt>Judge</dt><dd><a href="{judge}">Judge Gonzalez Rogers</a>' in html


def test_speakers_link_to_their_entity_pages_everywhere(client, sample_corpus):
    claim = Claim.objects.filter(speaker__isnull=False, event__isnull=False).order_by("pk").first()
    speaker = reverse("web:entity", args=[claim.speaker.slug])
    for url in (
        reverse("web:event", args=[claim.event_id]),
        reverse("web:discrepancies"),
        reverse("web:search") + "?q=" + claim.text.split()[0],
    ):
        response = client.get(url)
        assert response.status_code == 200
        assert f'href="{speaker}"' in response.content.decode(), url
