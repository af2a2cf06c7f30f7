"""The invite link's QR code: drawn on the server, scannable, named in the reader's
language."""

import re

import segno

from quizapp.classes.invite_code import invite_qr_svg

LINK = "https://school.example/invite/ABCDEFGHJKMN"


def _modules(svg: str) -> set[tuple[int, int]]:
    """The dark modules the SVG path draws, as (row, column), from its "h" runs."""
    path = re.search(r'<path[^>]*stroke="#000"[^>]*d="([^"]+)"', svg).group(1)
    dark, x, y = set(), 0.0, 0.0
    for command, a, b in re.findall(r"([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?", path):
        if command == "M":
            x, y = float(a), float(b)
        elif command == "m":
            x, y = x + float(a), y + float(b)
        else:  # a horizontal run of dark modules
            dark |= {(int(y), int(x) + i) for i in range(int(a))}
            x += float(a)
    return dark


def test_the_svg_draws_the_links_code_on_white_with_its_quiet_zone(app):
    with app.test_request_context(headers={"Accept-Language": "ar"}):
        svg = str(invite_qr_svg(LINK))
    code = segno.make(LINK, error="m", micro=False)
    matrix = {(row + 4, col + 4) for row, line in enumerate(code.matrix)
              for col, cell in enumerate(line) if cell}
    assert _modules(svg) == matrix
    size = len(code.matrix) + 8
    assert f'viewBox="0 0 {size} {size}"' in svg
    assert 'fill="#fff"' in svg  # a light ground, also on the dark theme
    assert svg.startswith('<svg role="img" ')
    assert "<title>رمز QR لرابط الدعوة</title>" in svg
    assert "href" not in svg and LINK not in svg  # nothing fetched, nothing shown twice
