"""What a call to action (core.blocks.CallToActionBlock) leads to, for its template and both
APIs alike: the coalition to join, the links to share the page, the amounts to give."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from core.localization import localized_in_every_block
from core.representations import full_url
from core.sharing import hashtag_of, share_links


def site_settings():
    from core.models import SiteSettings  # which holds blocks of core/blocks.py

    return SiteSettings.for_active_locale()


def sign_up_address(settings):
    """Where "Sign up" leads: an outside provider's page if the editors chose one for the
    language, else the site's own sign-up form (newsletter/)."""
    if settings is not None and settings.newsletter_url:
        return settings.newsletter_url
    return reverse("newsletter:sign_up")


class CallToActionValue(blocks.StructValue):
    @property
    def partner_shown(self):
        """The coalition chosen, in the active language (its translation where it has one)."""
        partner = self.get("partner") if self.get("kind") == "coalition" else None
        return localized_in_every_block([partner])[0] if partner else None

    @property
    def coalition_link(self):
        """The block's own address, else the partner's join address, else its website."""
        partner = self.partner_shown
        return self.get("link") or (partner and (partner.join_url or partner.url)) or None

    @property
    def default_button_label(self):
        labels = {"coalition": _("Join the coalition"), "donate": _("Donate")}
        return labels.get(self.get("kind"), _("Sign up"))

    def link_shown(self):
        """Where the button leads: the block's own address (for a coalition, its partner's
        when empty), else the site settings' donate or sign-up address; never for share."""
        kind = self.get("kind")
        if kind == "share":
            return None
        if kind == "coalition":
            return self.coalition_link
        if self.get("link"):
            return self.get("link")
        settings = site_settings()
        if kind == "donate":
            return (settings.donate_url or None) if settings else None
        return full_url(sign_up_address(settings))

    def share(self, page, request=None):
        """The address shared (the block's own, else the page's), the hashtag and the links."""
        url = self.get("link") or (page.get_full_url(request) if page is not None else None)
        hashtag = hashtag_of(page, site_settings())
        title = page.title if page is not None else self.get("heading")
        links = share_links(url, title, hashtag) if url else []
        return {"url": url, "hashtag": hashtag, "links": links}

    def donation_options(self):
        settings = site_settings()
        return settings.donation_options() if settings else []


def partner_value(partner):
    if partner is None:
        return None
    return {
        "id": partner.pk,
        "name": partner.name,
        "url": partner.url or None,
        "join_url": partner.join_url or None,
    }


def donation_value(value):
    settings = site_settings()
    options = value.donation_options()
    return {
        "currency": settings.donate_currency if settings else "",
        "amounts": [
            {"amount": option.amount, "label": option.label, "url": option.url}
            for option in options
        ],
    }


def share_value(value, page, request):
    share = value.share(page, request)
    links = [
        {"network": link.network, "name": link.name, "url": link.url} for link in share["links"]
    ]
    return {"url": share["url"], "hashtag": share["hashtag"], "links": links}


def call_to_action_representation(value, context):
    """The block in the APIs: what it says, where its button leads, and what its kind needs
    (the partner, the share links, the suggested amounts), null for the other kinds."""
    context = context or {}
    kind = value.get("kind")
    return {
        "kind": kind,
        "heading": value.get("heading") or "",
        "text": value.get("text") or "",
        "button_label": value.get("button_label") or "",
        "link": value.link_shown(),
        "partner": partner_value(value.partner_shown) if kind == "coalition" else None,
        "share": (
            share_value(value, context.get("page"), context.get("request"))
            if kind == "share"
            else None
        ),
        "donation": donation_value(value) if kind == "donate" else None,
    }
