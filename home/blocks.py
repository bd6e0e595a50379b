"""The page streams of home/: every page's body (newsletter.blocks.PageBodyBlock: the shared
blocks and the sign-up box) and calls to action with the sign-up box beside them."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from core.blocks import CallsToActionBlock
from newsletter.blocks import PageBodyBlock, SignUpBlock

__all__ = ["CampaignCallsToActionBlock", "HomeSignUpBlock", "PageBodyBlock"]


class CampaignCallsToActionBlock(CallsToActionBlock):
    sign_up = SignUpBlock(label=_("Sign-up box"))


class HomeSignUpBlock(blocks.StreamBlock):
    sign_up = SignUpBlock(label=_("Sign-up box"))

    class Meta:
        max_num = 1
