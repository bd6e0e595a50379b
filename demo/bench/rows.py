"""What the benchmark measures: each row is a kind of answer, asked for in every language in
turn (one address a language), from the first bench page of its kind (seed_bench's number 0)."""

import json
from dataclasses import dataclass
from urllib.parse import quote

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import iri_to_uri
from wagtail.models import Locale

from demo.bench.kinds import KINDS
from demo.bench.seeding import bench_key
from demo.pages import first_live_page
from home.models import HomePage
from resources.models import ResourceIndexPage

API_LIST = "type=resources.ResourcePage&limit=20"
STATIC_FILE = "css/site.css"


@dataclass(frozen=True)
class Row:
    name: str
    paths: tuple
    # "page" and "api" rows are the site's answers; the targets are about them.
    group: str


class NoBenchContent(LookupError):
    pass


def bench_page(kind_name, locale):
    kind = next(kind for kind in KINDS if kind.name == kind_name)
    page = kind.model.objects.live().filter(translation_key=bench_key(kind, 0), locale=locale)
    page = page.first()
    if page is None:
        raise NoBenchContent(f"No bench {kind_name} in {locale}: run seed_bench first.")
    return page


def pages_of(locale):
    code = locale.language_code
    library = ResourceIndexPage.objects.live().filter(locale=locale).first()
    home = first_live_page(HomePage._meta.label, code)
    if library is None or home is None:
        raise NoBenchContent(f"No home page or library in {code}: run seed_bench first.")
    return {
        "home": home,
        "library": library,
        **{kind: bench_page(kind, locale) for kind in ("resource", "campaign", "story")},
    }


def search_words(title):
    """The longest word of a title: a word that many bench pages of its language hold."""
    words = [word.strip("():,.;") for word in title.split()]
    return max(words, key=len)


def language_paths(locale):
    """This language's address of each row."""
    code = locale.language_code
    pages = pages_of(locale)
    resource = pages["resource"]
    with translation.override(code):
        search = reverse("search")
    return {
        "home": iri_to_uri(pages["home"].url),
        "campaign": iri_to_uri(pages["campaign"].url),
        "resource": iri_to_uri(resource.url),
        "library with filters": iri_to_uri(pages["library"].url)
        + f"?type={quote(resource.resource_type.slug)}",
        "search": f"{search}?q={quote(search_words(resource.title))}",
        "story": iri_to_uri(pages["story"].url),
        "API v2 list of 20": f"/api/v2/pages/?{API_LIST}&fields=*&locale={code}",
        "API v2 detail": f"/api/v2/pages/{resource.pk}/",
        "API v3 list of 20": f"/api/v3/pages/?{API_LIST}&locale={code}",
        "API v3 detail": f"/api/v3/pages/{resource.pk}/",
    }


def static_path():
    """The collected, fingerprinted address of the site's stylesheet (run collectstatic)."""
    manifest = json.loads((settings.STATIC_ROOT / "staticfiles.json").read_text())
    return settings.STATIC_URL + manifest["paths"][STATIC_FILE]


def site_rows():
    by_language = [
        language_paths(Locale.objects.get(language_code=code)) for code, _ in settings.LANGUAGES
    ]
    rows = [
        Row(name, tuple(paths[name] for paths in by_language), "api" if "API" in name else "page")
        for name in ROW_NAMES[:-1]
    ]
    return [*rows, Row("static file", (static_path(),), "static")]


HELLO = Row("hello", ("/",), "hello")
ROW_NAMES = (
    "home",
    "campaign",
    "resource",
    "library with filters",
    "search",
    "story",
    "API v2 list of 20",
    "API v2 detail",
    "API v3 list of 20",
    "API v3 detail",
    "static file",
)
