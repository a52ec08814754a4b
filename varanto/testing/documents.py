"""Making test descriptions in Word and PDF form, so tests need no binary fixtures.

`docx_bytes` writes a Word document with python-docx (heading styles, list styles, tables);
`pdf_bytes` writes a plain PDF of text lines page by page (Helvetica, WinAnsi: Finnish and
Swedish letters), which pypdf reads back line by line.
"""

from __future__ import annotations

import io

import docx


def docx_bytes(content: list[tuple[str, object]], *, title: str = "") -> bytes:
    """A Word document of ("h1".."h4", text), ("p", text), ("li", text), ("table", rows) parts."""
    document = docx.Document()
    document.core_properties.title = title
    for kind, value in content:
        if kind.startswith("h"):
            document.add_heading(str(value), level=int(kind[1:]))
        elif kind == "li":
            document.add_paragraph(str(value), style="List Bullet")
        elif kind == "table":
            rows = list(value)  # type: ignore[call-overload]
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
        else:
            document.add_paragraph(str(value))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _pdf_text(text: str) -> bytes:
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return escaped.encode("cp1252")


def pdf_bytes(pages: list[list[str]], *, complete: bool = True) -> bytes:
    """A PDF with one page per list of lines; `complete=False` leaves its end off (a download cut short)."""
    objects: list[bytes] = []
    page_ids = [4 + 2 * i for i in range(len(pages))]
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = " ".join(f"{i} 0 R" for i in page_ids)
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    for index, lines in enumerate(pages):
        stream = (
            b"BT /F1 10 Tf 12 TL 40 800 Td " + b" ".join(b"(" + _pdf_text(line) + b") ' " for line in lines) + b"ET"
        )
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
            f"/Contents {page_ids[index] + 1} 0 R >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n" % (len(objects) + 1, xref))
    data = out.getvalue()
    return data + b"%%EOF\n" if complete else data[: len(data) * 2 // 3]
