"""The page streams of home/: the shared body blocks (core/blocks.py) and calls to action, with
the newsletter's sign-up box beside them."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from core.blocks import BodyBlock, CallsToActionBlock
from newsletter.blocks import SignUpBlock


class PageBodyBlock(BodyBlock):
    sign_up = SignUpBlock(label=_("Sign-up box"))


class CampaignCallsToActionBlock(CallsToActionBlock):
    sign_up = SignUpBlock(label=_("Sign-up box"))


class HomeSignUpBlock(blocks.StreamBlock):
    sign_up = SignUpBlock(label=_("Sign-up box"))

    class Meta:
        max_num = 1
