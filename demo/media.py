"""Demo images and documents, made on this machine: nothing is downloaded."""

import io
import random

from PIL import Image as PILImage
from PIL import ImageDraw

PALETTES = [
    ((76, 29, 149), (217, 119, 6)),
    ((15, 118, 110), (250, 204, 21)),
    ((30, 64, 175), (244, 114, 182)),
    ((136, 19, 55), (253, 186, 116)),
]


def make_image_file(seed, width=1600, height=900):
    """An abstract picture (gradient, circles, bands) as JPEG bytes, the same for the same seed."""
    rng = random.Random(seed)
    start, accent = PALETTES[rng.randrange(len(PALETTES))]
    picture = PILImage.new("RGB", (width, height), start)
    draw = ImageDraw.Draw(picture)
    for y in range(height):
        shade = y / height
        colour = tuple(int(c * (1 - 0.45 * shade)) for c in start)
        draw.line([(0, y), (width, y)], fill=colour)
    for _ in range(7):
        radius = rng.randint(height // 10, height // 3)
        x, y = rng.randint(0, width), rng.randint(0, height)
        tint = tuple(min(255, int(c * rng.uniform(0.7, 1.1))) for c in accent)
        draw.ellipse([x - radius, y - radius, x + radius, y + radius], outline=tint, width=12)
    draw.rectangle([0, height - height // 8, width, height], fill=accent)
    output = io.BytesIO()
    picture.save(output, format="JPEG", quality=82)
    return output.getvalue()


def _pdf_escape(text):
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def make_pdf_file(title, lines):
    """A small, valid one-page PDF with a title and a few lines of Latin-1 text."""
    text_ops = ["BT", "/F1 20 Tf", "72 760 Td", f"({_pdf_escape(title)}) Tj", "/F1 11 Tf"]
    for line in lines:
        text_ops += ["0 -22 Td", f"({_pdf_escape(line)}) Tj"]
    text_ops.append("ET")
    stream = "\n".join(text_ops).encode("latin-1", "replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    output = io.BytesIO()
    output.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(output.tell())
        output.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = output.tell()
    output.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        output.write(f"{offset:010d} 00000 n \n".encode())
    output.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return output.getvalue()
