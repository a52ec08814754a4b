"""Tunnus: the organisation's logo, checked before it is kept.

An upload is read only up to `LOGO_MAX_BYTES` + 1 bytes and accepted only when its first bytes
are those of a PNG, JPEG or WebP image and its pixel size (read from the image's own header) is
within `LOGO_MAX_PIXELS`: the type is decided from the content, never the file name or the type
the browser claims, and SVG (which can carry script) is refused.
"""

from __future__ import annotations

import hashlib
import struct

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from varanto.catalog.models import Organization, OrganizationLogo

LOGO_MAX_BYTES = 512 * 1024
LOGO_MAX_PIXELS = 4000


def _png_size(data: bytes) -> tuple[int, int] | None:
    if data[12:16] != b"IHDR" or len(data) < 24:
        return None
    return struct.unpack(">II", data[16:24])


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    # Walk the segments to the first start-of-frame marker, which holds height and width.
    at = 2
    while at + 9 < len(data):
        if data[at] != 0xFF:
            return None
        marker = data[at + 1]
        length = struct.unpack(">H", data[at + 2 : at + 4])[0]
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height, width = struct.unpack(">HH", data[at + 5 : at + 9])
            return width, height
        at += 2 + length
    return None


def _webp_size(data: bytes) -> tuple[int, int] | None:
    chunk = data[12:16]
    if chunk == b"VP8X" and len(data) >= 30:
        return 1 + int.from_bytes(data[24:27], "little"), 1 + int.from_bytes(data[27:30], "little")
    if chunk == b"VP8 " and len(data) >= 30:
        width, height = struct.unpack("<HH", data[26:30])
        return width & 0x3FFF, height & 0x3FFF
    if chunk == b"VP8L" and len(data) >= 25:
        bits = int.from_bytes(data[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    return None


def logo_image_type(data: bytes) -> tuple[str, tuple[int, int] | None] | None:
    """The image's media type and pixel size, told from its content; None when it is none of PNG, JPEG, WebP."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png", _png_size(data)
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg", _jpeg_size(data)
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp", _webp_size(data)
    return None


def logo_validate(upload) -> tuple[bytes, str]:
    """The uploaded file's bytes and media type, or a ValidationError saying what is wrong with it."""
    data = upload.read(LOGO_MAX_BYTES + 1)
    if len(data) > LOGO_MAX_BYTES:
        raise ValidationError(
            _("The logo is too large: at most %(size)s kB.") % {"size": LOGO_MAX_BYTES // 1024}, code="too_large"
        )
    found = logo_image_type(data)
    if found is None:
        raise ValidationError(_("The logo must be a PNG, JPEG or WebP image."), code="type")
    content_type, size = found
    if size is None or not all(0 < side <= LOGO_MAX_PIXELS for side in size):
        raise ValidationError(
            _("The logo's size could not be read or is over %(pixels)s pixels a side.") % {"pixels": LOGO_MAX_PIXELS},
            code="pixels",
        )
    return data, content_type


@transaction.atomic
def organization_logo_set(*, organization: Organization, upload, acting_user=None) -> OrganizationLogo:
    """Keep `upload` as the organisation's logo (replacing any before), once it passes `logo_validate`."""
    data, content_type = logo_validate(upload)
    logo, _created = OrganizationLogo.objects.update_or_create(
        organization=organization,
        defaults={"image": data, "content_type": content_type, "digest": hashlib.sha256(data).hexdigest()},
    )
    return logo
