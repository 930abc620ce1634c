"""A kept page compressed once and sent with a new CSRF token each time (core/gzip_pieces.py):
whatever the pieces and the token, the body is one gzip stream of exactly the page."""

from __future__ import annotations

import gzip
import zlib

from hypothesis import given, settings
from hypothesis import strategies as st

from ksd.core import gzip_pieces

pieces_of_pages = st.lists(st.binary(max_size=3000), min_size=1, max_size=5).map(tuple)
tokens = st.text(alphabet="abcdefABCDEF0123456789", min_size=64, max_size=64).map(str.encode)


@settings(deadline=None)
@given(pieces=pieces_of_pages, token=tokens)
def test_the_compressed_answer_is_the_page_with_the_token(pieces, token) -> None:  # type: ignore[no-untyped-def]
    fragments = gzip_pieces.compress(pieces)
    if fragments is None:  # small or incompressible: sent as it is
        return
    body = gzip_pieces.joined(pieces, fragments, token)
    assert gzip.decompress(body) == token.join(pieces)
    # One gzip member, nothing after it (a browser would refuse trailing bytes).
    reader = zlib.decompressobj(16 + zlib.MAX_WBITS)
    reader.decompress(body)
    assert reader.eof
    assert reader.unused_data == b""


def test_a_page_of_forms_is_compressed_and_each_answer_carries_its_own_token() -> None:
    row = b'<tr><td><a href="/kerja-sama/?region=34.04">Sleman</a></td></tr>\n' * 200
    pieces = (b"<form>" + row, b"</form><form>" + row, b"</form>")
    fragments = gzip_pieces.compress(pieces)
    assert fragments is not None
    first = gzip_pieces.joined(pieces, fragments, b"A" * 64)
    second = gzip_pieces.joined(pieces, fragments, b"B" * 64)
    assert gzip.decompress(first) == (b"A" * 64).join(pieces)
    assert gzip.decompress(second) == (b"B" * 64).join(pieces)
    assert len(first) < sum(len(piece) for piece in pieces) / 10


def test_a_small_page_is_sent_as_it_is() -> None:
    assert gzip_pieces.compress((b"<p>Halo</p>",)) is None
