"""Which languages the admin itself speaks."""


def test_swahili_is_no_admin_language_because_wagtail_has_no_swahili_admin():
    from pathlib import Path

    import wagtail
    from wagtail.admin.localization import get_available_admin_languages

    codes = {code for code, _name in get_available_admin_languages()}

    assert {"en", "fr", "es", "ar"} <= codes
    assert not (Path(wagtail.__file__).parent / "locale" / "sw").exists(), (
        "Wagtail now translates its admin into Swahili: offer it (README, admin languages)"
    )
    assert "sw" not in codes
