"""Document files never leak: they are kept outside the public media folder, so that a file leaves
only through Wagtail's document view, which checks its collection's privacy first. Signed consent
forms appear in no API list, search, sitemap or rendition."""

import os
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.models import Rendition

from core.media_collections import ensure_site_media_collection
from demo.media import make_pdf_file
from stories.models import ConsentRecord
from stories.publishing import ensure_consent_forms_collection
from tests.site import ensure_test_site

SECRET = "SIGNED-FORM-4412"


@pytest.fixture
def consent_form(db):
    return get_document_model().objects.create(
        title=f"Signed consent form – {SECRET}",
        collection=ensure_consent_forms_collection(),
        file=ContentFile(make_pdf_file(SECRET, ["Signed."]), name="consent-amani.pdf"),
    )


@pytest.fixture
def report(db):
    return get_document_model().objects.create(
        title="Public report",
        collection=ensure_site_media_collection(),
        file=ContentFile(make_pdf_file("Public report", ["Read me."]), name="public-report.pdf"),
    )


def guessable_paths(document):
    """Where a file would be found under /media/ if it were kept with the uploads."""
    name = document.file.name
    return {f"/media/{name}", f"/media/documents/{os.path.basename(name)}"}


def downloaded(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return b"%PDF" in content


def all_documents():
    documents = list(get_document_model().objects.all())
    assert any(document.collection.name == "Consent forms" for document in documents)
    return documents


@pytest.mark.django_db
def test_no_document_file_is_served_under_media(client, consent_form, report):
    for document in all_documents():
        for path in guessable_paths(document):
            response = client.get(path)
            assert response.status_code == 404, path
            assert not downloaded(response), path


@pytest.fixture
def committed_test_site(transactional_db):
    """The test site, committed for a live server's thread (which answers a missing file with
    the site's 404 page), even when a transactional test before this one flushed it."""
    ensure_test_site()


# Transactional: the documents are committed, so that the live server's thread finds them.
@pytest.mark.django_db(transaction=True)
def test_no_document_file_is_served_under_media_by_a_live_server(
    live_server, committed_test_site, consent_form, report
):
    for document in (consent_form, report):
        for path in guessable_paths(document):
            with pytest.raises(urllib.error.HTTPError) as refused:
                urllib.request.urlopen(live_server.url + path)  # noqa: S310
            assert refused.value.code == 404, path


@pytest.mark.django_db
def test_document_files_are_kept_outside_the_public_media_folder(consent_form, report):
    media, private = Path(settings.MEDIA_ROOT).resolve(), Path(settings.DOCUMENTS_ROOT).resolve()
    assert not private.is_relative_to(media)
    for document in all_documents():
        path = Path(document.file.path).resolve()
        assert path.is_relative_to(private), path
        assert path.read_bytes().startswith(b"%PDF")
    assert not any((media / "documents").glob("*"))


@pytest.mark.django_db
def test_a_document_has_no_address_but_the_document_view(report):
    assert report.url == f"/documents/{report.pk}/{report.filename}"
    with pytest.raises(NotImplementedError):
        report.file.url  # noqa: B018
    assert settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_log_in_for_a_consent_form(client, consent_form):
    response = client.get(consent_form.url)

    assert response.status_code == 302
    assert "/login/?next=" in response["Location"]
    assert not downloaded(response)


@pytest.mark.django_db
def test_a_public_document_downloads_through_the_document_view(client, report):
    response = client.get(report.url)

    assert response.status_code == 200
    assert downloaded(response)
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert not response.cookies


@pytest.mark.django_db
def test_story_custodians_download_consent_forms(client, django_user_model, consent_form):
    from django.contrib.auth.models import Group

    custodian = django_user_model.objects.create_user("custodian-4412", password="x")
    custodian.groups.add(Group.objects.get(name="Story custodians"))
    client.force_login(custodian)

    response = client.get(consent_form.url)

    assert response.status_code == 200
    assert downloaded(response)


@pytest.mark.django_db
def test_consent_forms_appear_in_no_list_search_or_sitemap(client, consent_form, report):
    signed_forms = {record.signed_form for record in ConsentRecord.objects.all()} | {consent_form}
    urls = [
        "/api/v2/documents/",
        "/api/v2/documents/?limit=100",
        "/api/v2/documents/?search=consent",
        f"/api/v2/documents/?search={SECRET}",
        "/api/v3/documents/",
        "/api/v3/documents/?search=consent",
        "/api/v2/images/",
        "/api/v3/images/",
        "/en/search/?q=consent",
        f"/en/search/?q={SECRET}",
        "/sitemap.xml",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        content = response.content.decode()
        for signed_form in signed_forms:
            assert signed_form.filename not in content, url
            assert signed_form.title not in content, url
            assert f"/documents/{signed_form.pk}/" not in content, url
    assert report.filename in client.get("/api/v2/documents/?limit=100").content.decode()


@pytest.mark.django_db
def test_consent_forms_have_no_renditions(consent_form):
    images = get_image_model().objects.filter(collection=consent_form.collection)
    assert not images.exists()
    assert not Rendition.objects.filter(file__contains="consent").exists()
    rendition_names = (
        storages["default"].listdir("images")[1] if storages["default"].exists("images") else []
    )
    assert not any("consent" in name for name in rendition_names)


def test_a_documents_root_inside_the_served_media_folder_is_refused(settings, tmp_path):
    from django.core.checks import run_checks

    settings.MEDIA_ROOT = tmp_path
    settings.DOCUMENTS_ROOT = tmp_path / "documents"

    errors = [message.id for message in run_checks(tags=["security"])]

    assert "documents.E001" in errors
