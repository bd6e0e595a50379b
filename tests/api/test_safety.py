"""Anonymous clients see only live, public content in both APIs: a crawl of every endpoint and
every object proves that no draft, private page, restricted document or user detail comes out,
and a list of bad requests proves that mistakes get a clear 4xx JSON answer, never a 500."""

import json
from collections import deque
from urllib.parse import urlsplit

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    DraftStateMixin,
    PageViewRestriction,
)

from core.models import NavigationMenu
from home.models import CampaignPage, HomePage
from resources.models import Partner, Region, ResourcePage, ResourceType, Topic
from stories.models import SurvivorStoryPage
from tests.api.conftest import LANGUAGES, in_language, locale, path_of
from tests.factories import ResourcePageFactory, StandardPageFactory
from tests.page_types import PAGE_TYPES

pytestmark = pytest.mark.usefixtures("module_site_content")

SECRETS = [
    "DRAFT-SECRET",
    "UNPUBLISHED-SECRET",
    "PRIVATE-SECRET",
    "CONSENT-SECRET",
    "leaky.owner.q7@example.org",
    "leaky_owner_q7",
    "Leakyfirstname",
    "Leakylastname",
]
USER_KEYS = {"owner", "locked_by", "last_published_by", "latest_revision", "email", "username"}


@pytest.fixture
def secrets(db, django_user_model):
    """Content anonymous clients must never see, mixed into the site's content."""
    user = django_user_model.objects.create_user(
        "leaky_owner_q7",
        email="leaky.owner.q7@example.org",
        password="x",
        first_name="Leakyfirstname",
        last_name="Leakylastname",
    )
    english_home = in_language(HomePage, "en")
    french_campaign = in_language(CampaignPage, "fr")
    resource = in_language(ResourcePage, "fr")
    story = in_language(SurvivorStoryPage, "sw")
    for page in (french_campaign, resource, story, english_home):
        page.owner = user
        page.locked, page.locked_by = True, user
        page.save()
    resource.save_revision(user=user).publish(user=user, skip_permission_checks=True)

    # A draft of a live page.
    french_campaign.title = "DRAFT-SECRET title"
    french_campaign.intro = "DRAFT-SECRET intro"
    french_campaign.save_revision(user=user)

    # A page never published, and a private section with a page and its child.
    unpublished = StandardPageFactory(
        parent=english_home, title="UNPUBLISHED-SECRET page", intro="UNPUBLISHED-SECRET", live=False
    )
    # A live page under the unpublished one: its parent must not show either.
    StandardPageFactory(parent=unpublished, title="Live page under an unpublished one")
    private = StandardPageFactory(
        parent=english_home, title="PRIVATE-SECRET page", intro="PRIVATE-SECRET intro"
    )
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="p")
    private_child = StandardPageFactory(parent=private, title="PRIVATE-SECRET child")
    library = in_language(ResourcePage, "en").get_parent()
    private_resource = ResourcePageFactory(
        parent=library,
        title="PRIVATE-SECRET resource",
        summary="PRIVATE-SECRET summary",
        resource_type=in_language(ResourceType, "en"),
    )
    PageViewRestriction.objects.create(page=private_resource, restriction_type="login")

    # The English campaign and menu point at them, and a public resource offers a consent form.
    english_campaign = in_language(CampaignPage, "en")
    english_campaign.related_pages = [
        *[("page", block.value) for block in english_campaign.related_pages],
        ("page", private_resource),
        ("page", unpublished),
    ]
    english_campaign.save_revision().publish()
    menu = NavigationMenu.objects.get(locale=locale("en"))
    menu.main_links = [
        *[("link", block.value) for block in menu.main_links],
        ("link", {"page": private, "url": "", "label": ""}),
    ]
    menu.save()
    consent = Collection.get_first_root_node().add_child(name="Consent records")
    CollectionViewRestriction.objects.create(collection=consent, restriction_type="login")
    form = get_document_model().objects.create(
        title="CONSENT-SECRET signed form",
        collection=consent,
        file=ContentFile(b"%PDF-1.4 consent", name="consent.pdf"),
    )
    public_resource = in_language(ResourcePage, "en", slug="laws-across-africa")
    public_resource.downloads = [
        *[("download", block.value) for block in public_resource.downloads],
        ("download", {"document": form, "title": ""}),
    ]
    public_resource.save_revision().publish()

    return {
        "user": user,
        "hidden_pages": [unpublished, private, private_child, private_resource],
        "draft_page": french_campaign,
        "document": form,
    }


def walk(value):
    """Every key and every value in a JSON document."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield "key", key
            yield from walk(item)
    elif isinstance(value, list):
        for item in value:
            yield from walk(item)
    else:
        yield "value", value


def crawl(client, start):
    """GET every API address reachable from `start` (listings page by page, every object's
    detail), checking each answer. Returns the JSON answers by address."""
    seen, answers = set(), {}
    queue = deque(start)
    while queue:
        url = queue.popleft()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        assert response.status_code in (200, 302), (url, response.status_code)
        if response.status_code == 302:
            queue.append(response["Location"])
            continue
        text = response.content.decode()
        for secret in SECRETS:
            assert secret not in text, (url, secret)
        if "json" not in response["Content-Type"]:
            continue
        data = response.json()
        answers[url] = data
        for kind, item in walk(data):
            if kind == "key" and "openapi" not in url:  # the schema names Wagtail's writes
                assert item not in USER_KEYS, (url, item)
            elif isinstance(item, str) and item.endswith("/") and "openapi" not in url:
                path = urlsplit(item).path
                if path.startswith(("/api/v2/", "/api/v3/")):
                    queue.append(path)
        if not isinstance(data, dict) or "items" not in data:
            continue
        items = data["items"]
        total = (data.get("meta") or {}).get("total_count") or data.get("count") or 0
        if "offset" not in url and total > len(items):
            separator = "&" if "?" in url else "?"
            for offset in range(len(items), total, len(items)):
                queue.append(f"{url}{separator}offset={offset}")
    return answers


def every_address(pages):
    snippet_endpoints = ["resource-types", "topics", "regions", "partners"]
    v2 = [
        "/api/v2/pages/?limit=100",
        *[f"/api/v2/pages/?type={page_type}&fields=*&limit=100" for page_type in PAGE_TYPES],
        "/api/v2/images/?limit=100&fields=*",
        "/api/v2/documents/?limit=100&fields=*",
        *[f"/api/v2/{name}/?limit=100" for name in snippet_endpoints],
        "/api/v2/locales/",
        *[f"/api/v2/site/?locale={code}" for code in LANGUAGES],
        *[f"/api/v2/pages/find/?html_path={path_of(page)}" for page in pages],
    ]
    v3 = [
        "/api/v3/pages/?limit=100",
        *[f"/api/v3/pages/?type={page_type}&limit=100" for page_type in PAGE_TYPES],
        *[f"/api/v3/{name}/?limit=100" for name in snippet_endpoints],
        "/api/v3/locales/",
        *[f"/api/v3/site/?locale={code}" for code in LANGUAGES],
        "/api/v3/openapi.json",
        "/api/v3/docs/",
        *[f"/api/v3/pages/find/?html_path={path_of(page)}" for page in pages],
    ]
    return v2 + v3


@pytest.mark.django_db
def test_anonymous_crawl_of_both_apis_finds_no_draft_private_page_or_user_data(client, secrets):
    sample = [in_language(model, code) for model in (CampaignPage, HomePage) for code in LANGUAGES]

    answers = crawl(client, every_address(sample))

    details = [url for url in answers if url.startswith(("/api/v2/pages/", "/api/v3/pages/"))]
    live_pages = ResourcePage.objects.live().public().count()
    assert len(details) > 2 * live_pages  # every page's detail in both APIs, and more
    hidden_ids = {page.pk for page in secrets["hidden_pages"]}
    for url, data in answers.items():
        if url.startswith(("/api/v2/pages/", "/api/v3/pages/")) and isinstance(data, dict):
            assert data.get("id") not in hidden_ids, url
            assert hidden_ids.isdisjoint(item.get("id") for item in data.get("items", [])), url


@pytest.mark.django_db
def test_hidden_pages_and_documents_are_not_found_at_all(client, secrets):
    for page in secrets["hidden_pages"]:
        for api in ("v2", "v3"):
            assert client.get(f"/api/{api}/pages/{page.pk}/").status_code == 404
            found = client.get(f"/api/{api}/pages/find/", {"html_path": path_of(page)})
            assert found.status_code == 404
            assert client.get(f"/api/{api}/pages/find/", {"id": page.pk}).status_code == 404
    assert client.get(f"/api/v2/documents/{secrets['document'].pk}/").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("params", [{"version": "draft"}, {"version": "latest"}, {"preview": "1"}])
def test_asking_for_a_draft_without_a_token_never_gives_one(client, admin_client, secrets, params):
    page = secrets["draft_page"]

    for http in (client, admin_client):  # a logged-in session is no token either
        v3 = http.get(f"/api/v3/pages/{page.pk}/", params)
        v2 = http.get(f"/api/v2/pages/{page.pk}/", params)
        listing = http.get("/api/v2/pages/", {"type": "home.CampaignPage", **params})
        preview = http.get("/api/v2/page_preview/", {"content_type": "home.campaignpage"})

        for response in (v3, v2, listing, preview):
            assert "DRAFT-SECRET" not in response.content.decode()
        assert v3.status_code in (200, 422)
        assert (
            v3.status_code != 200
            or v3.json()["title"] == CampaignPage.objects.get(pk=page.pk).title
        )
        assert preview.status_code == 400


@pytest.mark.django_db
def test_library_snippets_have_no_draft_state_to_leak():
    """Resource types, topics, regions and partners are published as soon as they are saved;
    were they to gain a draft state, the endpoints list live ones only (cms/api/v2.py, v3.py)."""
    for model in (ResourceType, Topic, Region, Partner):
        assert not issubclass(model, DraftStateMixin)


BAD_V2 = [
    "/api/v2/pages/abc/",
    "/api/v2/pages/-1/",
    "/api/v2/pages/99999999/",
    "/api/v2/pages/1.5/",
    "/api/v2/pages/?limit=1000",
    "/api/v2/pages/?limit=-1",
    "/api/v2/pages/?limit=abc",
    "/api/v2/pages/?offset=-3",
    "/api/v2/pages/?type=nope.Nope",
    "/api/v2/pages/?type=resources.Topic",
    "/api/v2/pages/?fields=nope",
    "/api/v2/pages/?fields=owner",
    "/api/v2/pages/?fields=title(",
    "/api/v2/pages/?type=resources.ResourcePage&fields=body(type)",
    "/api/v2/pages/?order=nope",
    "/api/v2/pages/?order=random,title",
    "/api/v2/pages/?child_of=abc",
    "/api/v2/pages/?descendant_of=-1",
    "/api/v2/pages/?ancestor_of=99999999",
    "/api/v2/pages/?translation_of=abc",
    "/api/v2/pages/?translation_of=99999999",
    "/api/v2/pages/?locale=xx",
    "/api/v2/pages/?search=law&search_operator=xor",
    "/api/v2/pages/?owner=1",
    "/api/v2/pages/?version=draft",
    "/api/v2/pages/?foo=bar",
    "/api/v2/pages/?id=abc",
    "/api/v2/pages/?title=%00",
    "/api/v2/pages/?type=resources.ResourcePage&year=abc",
    "/api/v2/pages/?type=resources.ResourcePage&year=20255",
    "/api/v2/pages/?type=resources.ResourcePage&featured=maybe",
    "/api/v2/pages/?type=resources.ResourcePage&resource_type=not%20a%20slug!",
    "/api/v2/pages/?type=resources.ResourcePage&topic=",
    "/api/v2/pages/?type=resources.ResourcePage&publication_date=yesterday",
    "/api/v2/pages/?type=resources.ResourcePage&cover_image=abc",
    "/api/v2/pages/?type=resources.ResourcePage&topics=abc",
    "/api/v2/pages/?type=resources.ResourcePage&body=abc",
    "/api/v2/pages/?type=resources.ResourcePage&featured=true&search=x&search_operator=both",
    "/api/v2/pages/?type=home.CampaignPage&awareness_date=30-07",
    "/api/v2/pages/?year=2025",
    "/api/v2/pages/?rich_text_format=pdf",
    "/api/v2/pages/find/",
    "/api/v2/pages/find/?html_path=/xx/yy/",
    "/api/v2/pages/find/?html_path=/fr/%00/",
    "/api/v2/pages/find/?id=abc",
    "/api/v2/pages/find/?html_path=/fr/&site=nope.example.org",
    "/api/v2/images/abc/",
    "/api/v2/images/?limit=101",
    "/api/v2/documents/99999999/",
    "/api/v2/documents/?fields=file",
    "/api/v2/topics/abc/",
    "/api/v2/topics/99999999/",
    "/api/v2/topics/?locale=xx",
    "/api/v2/topics/?translation_of=abc",
    "/api/v2/topics/?translation_of=99999999",
    "/api/v2/topics/?slug=%00",
    "/api/v2/partners/?logo=abc",
    "/api/v2/regions/?is_country=maybe",
    "/api/v2/locales/?locale=fr",
    "/api/v2/site/?locale=xx",
    "/api/v2/site/?locale=",
    "/api/v2/site/?foo=1",
    "/api/v2/page_preview/",
    "/api/v2/page_preview/?content_type=home.campaignpage&token=forged",
    "/api/v2/nothing/",
    "/api/v2/pages/1/extra/",
    "/api/v2/pages/?search=%00",
    "/api/v2/pages/?locale=%00",
    "/api/v2/images/?search=%00",
    "/api/v2/topics/?search=%00&locale=fr",
]
BAD_V3 = [
    "/api/v3/pages/abc/",
    "/api/v3/pages/99999999/",
    "/api/v3/pages/?limit=1000",
    "/api/v3/pages/?limit=0",
    "/api/v3/pages/?offset=-1",
    "/api/v3/pages/?type=nope.Nope",
    "/api/v3/pages/?locale=xx",
    "/api/v3/pages/?order=nope",
    "/api/v3/pages/?child_of=abc",
    "/api/v3/pages/?translation_of=99999999",
    "/api/v3/pages/?search=law&search_operator=xor",
    "/api/v3/pages/?type=resources.ResourcePage&featured=maybe",
    "/api/v3/pages/?type=resources.ResourcePage&publication_date=yesterday",
    "/api/v3/pages/1/?version=nope",
    "/api/v3/pages/1/?rich_text_format=pdf",
    "/api/v3/pages/find/",
    "/api/v3/pages/find/?id=abc",
    "/api/v3/pages/find/?html_path=/zz/",
    "/api/v3/pages/find/?html_path=/fr/&site=nope.example.org",
    "/api/v3/topics/abc/",
    "/api/v3/topics/99999999/",
    "/api/v3/topics/?locale=xx",
    "/api/v3/topics/?translation_of=abc",
    "/api/v3/topics/?translation_of=99999999",
    "/api/v3/topics/?limit=1000",
    "/api/v3/site/?locale=xx",
    "/api/v3/schema/",
    "/api/v3/sites/",
    "/api/v3/nothing/",
    "/api/v3/pages/?locale=%00",
    "/api/v3/pages/?search=%00",
    "/api/v3/pages/?type=resources.ResourcePage&summary=%00",
    "/api/v3/pages/find/?html_path=/fr/%00/",
    "/api/v3/topics/?search=%00",
]


@pytest.mark.django_db
@pytest.mark.parametrize("url", BAD_V2 + BAD_V3)
def test_bad_requests_get_a_clear_4xx_json_answer(client, url):
    response = client.get(url)

    assert 400 <= response.status_code < 500, (url, response.status_code)
    assert response["Content-Type"].split(";")[0] in (
        "application/json",
        "application/problem+json",
    ), (url, response["Content-Type"])
    data = response.json()
    message = data.get("message") or data.get("detail") or data.get("errors")
    assert message, data
    assert "Traceback" not in json.dumps(data)


@pytest.mark.django_db
def test_too_large_a_limit_says_what_the_maximum_is(client):
    for url in ("/api/v2/pages/?limit=101", "/api/v3/pages/?limit=101"):
        response = client.get(url)
        assert response.status_code == 400
        assert "limit cannot be higher than 100" in response.content.decode()


@pytest.mark.django_db
def test_a_valid_token_gets_the_draft_and_can_still_write(client, admin_user, secrets):
    from wagtail.models import APIToken

    _token, plaintext = APIToken.create_token(user=admin_user, name="frontend preview")
    page = secrets["draft_page"]
    auth = {"HTTP_AUTHORIZATION": f"Bearer {plaintext}"}

    draft = client.get(f"/api/v3/pages/{page.pk}/", {"version": "draft"}, **auth)
    published = client.post(f"/api/v3/pages/{page.pk}/actions/publish/", **auth)

    assert draft.json()["title"] == "DRAFT-SECRET title"
    assert published.status_code == 200
    assert client.get(f"/api/v3/pages/{page.pk}/").json()["intro"] == "DRAFT-SECRET intro"
