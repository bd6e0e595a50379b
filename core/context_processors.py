from django.utils.functional import SimpleLazyObject


def site_chrome(request):
    """Navigation and settings in the visitor's language, fetched only when a template uses them."""
    from core.models import NavigationMenu, SiteSettings

    return {
        "navigation": SimpleLazyObject(NavigationMenu.for_active_locale),
        "site_settings": SimpleLazyObject(SiteSettings.for_active_locale),
    }
