"""The organisation's logo is kept only when its content is a PNG, JPEG or WebP image of bounded size."""

import io
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError

from varanto.catalog.models import OrganizationLogo
from varanto.catalog.services.logos import LOGO_MAX_BYTES, LOGO_MAX_PIXELS, logo_image_type, organization_logo_set
from varanto.catalog.tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db


def png(width: int = 2, height: int = 1, colour: bytes = b"\xff\xff\xff") -> bytes:
    """A real PNG of `width` × `height` pixels of one colour (RGB bytes)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + colour * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def jpeg(width: int, height: int) -> bytes:
    """The start of a JPEG up to its frame header, which is what gives its size."""
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00" + b"\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    frame = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    return b"\xff\xd8" + app0 + frame + b"\xff\xd9"


def test_the_type_and_size_are_read_from_the_content():
    assert logo_image_type(png(3, 2)) == ("image/png", (3, 2))
    assert logo_image_type(jpeg(120, 40)) == ("image/jpeg", (120, 40))
    assert logo_image_type(b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>') is None


def test_a_png_is_kept_with_its_type_whatever_the_file_is_called():
    organization = OrganizationFactory()
    upload = io.BytesIO(png())
    upload.name = "logo.svg"
    logo = organization_logo_set(organization=organization, upload=upload)
    assert logo.content_type == "image/png" and bytes(logo.image) == png()


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "type"),
        (b"GIF89a" + b"\x00" * 20, "type"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "pixels"),  # no IHDR: not a real PNG
        (png(LOGO_MAX_PIXELS + 1, 1), "pixels"),
        (png() + b"\x00" * LOGO_MAX_BYTES, "too_large"),
    ],
)
def test_anything_else_is_refused_saying_why(content, code):
    organization = OrganizationFactory()
    with pytest.raises(ValidationError) as refused:
        organization_logo_set(organization=organization, upload=io.BytesIO(content))
    assert refused.value.code == code
    assert not OrganizationLogo.objects.filter(organization=organization).exists()
