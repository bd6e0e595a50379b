"""Two-factor authentication with an authenticator app (TOTP, django-otp).

Anyone with access to the admin may turn it on in their account. When TWO_FACTOR_REQUIRED is
set (production), it is required of superusers and story custodians, who see consent records:
until they have set it up, the admin shows them nothing else. Once someone has a device, signing
in takes their password and then a code; in between, the session counts as anonymous everywhere
but the second step."""

import logging
from base64 import b32encode

from django.conf import settings
from django.db import transaction
from django_otp import devices_for_user, user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

from stories.publishing import STORY_CUSTODIANS_GROUP

logger = logging.getLogger(__name__)

VERIFY = "verify"
ENROL = "enrol"


def two_factor_required(user):
    if not settings.TWO_FACTOR_REQUIRED:
        return False
    return user.is_superuser or user.groups.filter(name=STORY_CUSTODIANS_GROUP).exists()


def pending_step(user):
    """What a signed-in user must do before anything else: VERIFY (give a code), ENROL (set up
    an app) or nothing (None). Needs django-otp's OTPMiddleware (user.is_verified)."""
    if not user.is_authenticated or user.is_verified():
        return None
    if user_has_device(user):
        return VERIFY
    if two_factor_required(user):
        return ENROL
    return None


def confirmed_device(user):
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def enrolment_device(user):
    """The device being set up (its secret stays the same until confirmed, so reloading the page
    does not invalidate a code already scanned)."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)


def qr_code_svg(data):
    """`data` as a QR code: an SVG element to put in the page itself (no image request)."""
    # Imported here: only the enrolment page draws one, and qrcode costs every worker memory.
    import qrcode
    from qrcode.image.svg import SvgPathFillImage

    code = qrcode.QRCode(image_factory=SvgPathFillImage, box_size=16, border=4)
    code.add_data(data)
    return code.make_image().to_string(encoding="unicode")


def formatted_secret(device):
    """The device's secret in base32, in groups of four, for typing into an app by hand."""
    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[start : start + 4] for start in range(0, len(secret), 4))


@transaction.atomic
def reset_two_factor(user):
    """Remove every device of `user` (lost phone): they set up a new one at their next sign-in
    where it is required. Returns how many devices were removed."""
    devices = list(devices_for_user(user, confirmed=None))
    for device in devices:
        device.delete()
    logger.info("Two-factor authentication reset for user %s", user.pk)
    return len(devices)
