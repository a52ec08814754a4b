"""PDF pages turned into pixels (PDFium) for tests: the page size, blank margins, a PNG to look at."""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass

POINTS_PER_MM = 72 / 25.4
A4_POINTS = (210 * POINTS_PER_MM, 297 * POINTS_PER_MM)


@dataclass
class PageImage:
    """One page rendered in grey at one pixel per point: rows of bytes, 255 is white."""

    width_points: float
    height_points: float
    width: int
    height: int
    rows: list[bytes]

    def inked_columns(self, threshold: int = 250) -> list[int]:
        """The x of every pixel column holding anything darker than paper."""
        return [x for x in range(self.width) if any(row[x] < threshold for row in self.rows)]

    def png(self) -> bytes:
        """The page as an 8-bit greyscale PNG."""

        def chunk(kind: bytes, data: bytes) -> bytes:
            return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

        header = struct.pack(">IIBBBBB", self.width, self.height, 8, 0, 0, 0, 0)
        pixels = zlib.compress(b"".join(b"\0" + row for row in self.rows))
        return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def pdf_pages(data: bytes) -> list[PageImage]:
    import pypdfium2

    document = pypdfium2.PdfDocument(data)
    images = []
    for page in document:
        width_points, height_points = page.get_size()
        bitmap = page.render(scale=1, grayscale=True)
        buffer = bytes(bitmap.buffer)
        rows = [buffer[y * bitmap.stride : y * bitmap.stride + bitmap.width] for y in range(bitmap.height)]
        images.append(PageImage(width_points, height_points, bitmap.width, bitmap.height, rows))
    document.close()
    return images
