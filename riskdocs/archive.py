"""Write .docx zip packages quickly and always to the same bytes.

A template's unchanged parts are compressed once and copied into every form
made from it; only the rendered document is compressed per form. Python's
zipfile cannot copy compressed members, so this module writes the few zip
records a .docx needs itself (PKWARE APPNOTE: local headers, central
directory, end record), with a fixed timestamp and no extra fields.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass

DOS_TIME = 0
DOS_DATE = (1980 - 1980) << 9 | 1 << 5 | 1
"""1980-01-01 00:00, the earliest time a zip can hold, for every member."""

_VERSION = 20
_DEFLATED = 8
_UTF8_NAMES = 1 << 11
_UNIX_FILE = (3 << 8) | _VERSION
_FILE_MODE = 0o100644 << 16
_LEVEL = 6


@dataclass(frozen=True)
class Member:
    """One compressed member of a package, ready to be written as it is."""

    name: str
    crc: int
    size: int
    compressed: bytes


def compress(name: str, data: bytes) -> Member:
    """Deflate ``data`` as the zip member ``name``."""
    packer = zlib.compressobj(_LEVEL, zlib.DEFLATED, -zlib.MAX_WBITS)
    compressed = packer.compress(data) + packer.flush()
    return Member(name, zlib.crc32(data), len(data), compressed)


def read_members(package: bytes) -> list[tuple[str, bytes]]:
    """Return the members of a zip package, in order, uncompressed."""
    with zipfile.ZipFile(io.BytesIO(package)) as source:
        return [(info.filename, source.read(info)) for info in source.infolist()]


def write_zip(members: Iterable[Member]) -> bytes:
    """Return the bytes of a zip holding ``members`` in the order given."""
    output = io.BytesIO()
    directory = io.BytesIO()
    count = 0
    for member in members:
        name = member.name.encode("utf-8")
        offset = output.tell()
        fields = (
            _DEFLATED,
            DOS_TIME,
            DOS_DATE,
            member.crc,
            len(member.compressed),
            member.size,
            len(name),
        )
        output.write(
            struct.pack("<IHHHHHIIIHH", 0x04034B50, _VERSION, _UTF8_NAMES, *fields, 0)
        )
        output.write(name)
        output.write(member.compressed)

        directory.write(
            struct.pack(
                "<IHHHHHHIIIHHHHHII",
                0x02014B50,
                _UNIX_FILE,
                _VERSION,
                _UTF8_NAMES,
                *fields,
                0,
                0,
                0,
                0,
                _FILE_MODE,
                offset,
            )
        )
        directory.write(name)
        count += 1

    start = output.tell()
    central = directory.getvalue()
    output.write(central)
    output.write(
        struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, len(central), start, 0)
    )
    return output.getvalue()
