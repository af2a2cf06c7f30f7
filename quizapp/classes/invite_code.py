"""The invite link as a QR code a class scans off the board: drawn here as inline SVG
(segno), so no image service sees the link and the page needs no network."""

import segno
from flask_babel import gettext as _
from markupsafe import Markup


def invite_qr_svg(link: str) -> Markup:
    """The link's QR code as an ``<svg>`` element that scales with its box.

    Dark modules on a white ground with the standard quiet zone, also in the dark theme:
    phone cameras read a light code on a dark page badly. Medium error correction leaves
    room for a smudged projector.
    """
    code = segno.make(link, error="m", micro=False)
    svg = code.svg_inline(scale=1, border=4, omitsize=True, svgclass="qr-code",
                          lineclass=None, dark="#000", light="#fff",
                          title=_("QR code of the invite link"))
    # segno writes no role; an <svg> with a <title> is announced as an image only with one.
    return Markup(svg.replace("<svg ", '<svg role="img" ', 1))
