"""A kept page sent gzip-compressed with a different CSRF token on every answer, compressed once.

The page cache (core/page_cache.py) keeps a page as the pieces around its CSRF tokens. Each piece
is compressed here on its own, into raw DEFLATE ending on a byte boundary (a sync flush), so the
pieces of any answer can be put side by side with the visitor's token, compressed on its own
the same way, into one valid DEFLATE stream: a fresh compressor never refers back past its own
start. Only the gzip trailer (CRC-32 and length of the whole page) is computed per answer.

Compressing the token apart from the page also means its bytes never share a compression
window with anything a visitor may have typed into the address (BREACH).
"""

from __future__ import annotations

import struct
import zlib

# Below this a page is sent as it is (Django's GZipMiddleware uses the same threshold).
MINIMUM_SIZE = 200
_LEVEL = 6
# gzip member header: magic, DEFLATE, no flags, no time, no extra flags, unknown OS.
_HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"


def _deflate(data: bytes, *, last: bool, level: int = _LEVEL) -> bytes:
    compressor = zlib.compressobj(level, zlib.DEFLATED, -zlib.MAX_WBITS)
    return compressor.compress(data) + compressor.flush(
        zlib.Z_FINISH if last else zlib.Z_SYNC_FLUSH
    )


def compress(pieces: tuple[bytes, ...]) -> tuple[bytes, ...] | None:
    """Each piece as raw DEFLATE to be joined around tokens, or None when compressing the page
    is not worth it (too small, or no smaller)."""
    size = sum(len(piece) for piece in pieces)
    if size < MINIMUM_SIZE:
        return None
    fragments = tuple(
        _deflate(piece, last=index == len(pieces) - 1) for index, piece in enumerate(pieces)
    )
    if sum(len(fragment) for fragment in fragments) >= size:
        return None
    return fragments


def joined(pieces: tuple[bytes, ...], fragments: tuple[bytes, ...], token: bytes) -> bytes:
    """The gzip body of `pieces` joined around `token`, from their compressed `fragments`."""
    token_fragment = _deflate(token, last=False, level=1) if len(pieces) > 1 else b""
    crc = 0
    for index, piece in enumerate(pieces):
        if index:
            crc = zlib.crc32(token, crc)
        crc = zlib.crc32(piece, crc)
    size = sum(len(piece) for piece in pieces) + len(token) * (len(pieces) - 1)
    trailer = struct.pack("<II", crc, size & 0xFFFFFFFF)
    return _HEADER + token_fragment.join(fragments) + trailer
