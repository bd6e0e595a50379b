"""Document files must never sit where a web server serves files as they are."""

from pathlib import Path

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security)
def documents_root_is_not_served(app_configs, **kwargs):
    documents = Path(settings.DOCUMENTS_ROOT).resolve()
    served = {"MEDIA_ROOT": settings.MEDIA_ROOT, "STATIC_ROOT": settings.STATIC_ROOT}
    return [
        checks.Error(
            f"DOCUMENTS_ROOT ({documents}) is inside {name} ({root}), which is served as it is: "
            "signed consent forms would be downloadable by address.",
            hint="Point DOCUMENTS_ROOT at a folder outside MEDIA_ROOT and STATIC_ROOT.",
            id="documents.E001",
        )
        for name, root in served.items()
        if root and documents.is_relative_to(Path(root).resolve())
    ]
