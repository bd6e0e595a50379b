"""Share links: plain addresses of each network's own share page (and an email), carrying the
page's address, its title and the hashtag. No script, button or counter of theirs is loaded, and
no tracking parameter is added: the address shared is the page's, or the one the editor wrote."""

from dataclasses import dataclass
from urllib.parse import quote

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class ShareLink:
    network: str
    name: str
    url: str


def _q(text):
    return quote(str(text), safe="")


def share_links(url, title, hashtag=""):
    """[ShareLink] for `url` (absolute), with `title` and `hashtag` ("#Tag" or "Tag") where
    each network takes them."""
    tag = (hashtag or "").strip().lstrip("#")
    with_tag = f"{title} #{tag}" if tag else str(title)
    message = f"{with_tag} {url}"
    x_tags = f"&hashtags={_q(tag)}" if tag else ""
    facebook_tag = f"&hashtag={_q('#' + tag)}" if tag else ""
    return [
        ShareLink("bluesky", "Bluesky", f"https://bsky.app/intent/compose?text={_q(message)}"),
        ShareLink("x", "X", f"https://x.com/intent/post?text={_q(title)}&url={_q(url)}{x_tags}"),
        ShareLink(
            "facebook",
            "Facebook",
            f"https://www.facebook.com/sharer/sharer.php?u={_q(url)}{facebook_tag}",
        ),
        ShareLink(
            "linkedin", "LinkedIn", f"https://www.linkedin.com/sharing/share-offsite/?url={_q(url)}"
        ),
        ShareLink("whatsapp", "WhatsApp", f"https://wa.me/?text={_q(message)}"),
        ShareLink(
            "telegram", "Telegram", f"https://t.me/share/url?url={_q(url)}&text={_q(with_tag)}"
        ),
        ShareLink("email", str(_("Email")), f"mailto:?subject={_q(title)}&body={_q(message)}"),
    ]


def hashtag_of(page, site_settings):
    """The page's own hashtag (a campaign's), else the site's default one."""
    return getattr(page, "hashtag", "") or (site_settings.default_hashtag if site_settings else "")
