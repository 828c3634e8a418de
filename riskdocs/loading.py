"""Read a YAML file into plain data, remembering where each value stands.

PyYAML's composer gives nodes with their marks; this module walks them itself
instead of letting PyYAML construct Python objects, so that

- every scalar stays the text that was typed (``NO`` and ``0101`` are not turned
  into ``False`` and ``65``); the models convert text to numbers and dates,
- a key given twice is an error, not "the last one wins",
- aliases cannot expand into a huge document,
- each value's line and column can be looked up by its path, for error messages.
"""

from __future__ import annotations

import codecs
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from riskdocs.errors import DataError, Problem
from riskdocs.text import FORBIDDEN_IN_XML, forbidden_characters

MAX_FILE_BYTES = 1_000_000
MAX_NODES = 50_000
MAX_DEPTH = 50


Location = tuple[str | int, ...]

_NULL_TAG = "tag:yaml.org,2002:null"


@dataclass(frozen=True)
class Mark:
    """A place in a file, counted from 1."""

    line: int
    column: int


@dataclass
class Source:
    """The data of one YAML file and the place of each of its values."""

    path: Path
    data: Any
    value_marks: dict[Location, Mark] = field(default_factory=dict)
    key_marks: dict[Location, Mark] = field(default_factory=dict)
    notes: list[tuple[Location, str]] = field(default_factory=list)
    """Warnings found while reading, by location: labelled once the form is known."""

    def mark_of(self, location: Location, *, key: bool = False) -> Mark:
        """Return the mark of the value at ``location``, or of its nearest parent.

        With ``key``, the mark of the key itself is preferred, which is where an
        unknown key should be reported.
        """
        if key and location in self.key_marks:
            return self.key_marks[location]

        for end in range(len(location), -1, -1):
            mark = self.value_marks.get(location[:end])
            if mark is not None:
                return mark

        return Mark(1, 1)

    def problem(
        self,
        location: Location,
        message: str,
        *,
        label: str = "",
        key: bool = False,
        warning: bool = False,
    ) -> Problem:
        """Build a problem report for the value at ``location``."""
        mark = self.mark_of(location, key=key)
        return Problem(
            path=self.path,
            line=mark.line,
            column=mark.column,
            field=format_location(location),
            label=label,
            message=message,
            warning=warning,
        )


def format_location(location: Location) -> str:
    """Write a location the way a user reads it: ``risks[0].level``."""
    text = ""
    for part in location:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part

    return text


def read_yaml(path: Path) -> Source:
    """Read ``path`` as YAML and return its data with the marks of its values.

    Raises:
        DataError: the file cannot be read, is not UTF-8, is too large, or is
            not valid YAML; each problem names the line and column.
    """
    text, removed = _without_forbidden(_read_text(path))

    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        raise DataError([_syntax_problem(path, error)]) from None
    except yaml.YAMLError as error:
        raise DataError([Problem(path, 1, 1, "", "", str(error))]) from None
    except RecursionError:
        message = "the data is nested too deeply to be a form; flatten it"
        raise DataError([Problem(path, 1, 1, "", "", message)]) from None

    source = Source(path=path, data=None)
    if root is None:
        return source

    walker = _Walker(source)
    source.data = walker.value(root, ())
    if walker.problems:
        raise DataError(walker.problems)

    _note_removed(source, removed)
    return source


def _without_forbidden(text: str) -> tuple[str, list[tuple[Mark, str]]]:
    """Remove the characters YAML and Word refuse, as typed into the file itself.

    Returns the text without them, and where each stood in that text.
    """
    if not FORBIDDEN_IN_XML.search(text):
        return text, []

    kept: list[str] = []
    removed: list[tuple[Mark, str]] = []
    line, column = 1, 1
    for character in text:
        if FORBIDDEN_IN_XML.match(character):
            removed.append((Mark(line, column), f"U+{ord(character):04X}"))
            continue

        kept.append(character)
        if character == "\n":
            line, column = line + 1, 1
        else:
            column += 1

    return "".join(kept), removed


def _note_removed(source: Source, removed: list[tuple[Mark, str]]) -> None:
    """Warn of removed characters at the value each stood in."""
    found: dict[Location, set[str]] = {}
    for mark, code in removed:
        before = [
            (value_mark.line, value_mark.column, location)
            for location, value_mark in source.value_marks.items()
            if (value_mark.line, value_mark.column) <= (mark.line, mark.column)
        ]
        location = max(before, default=(1, 1, ()))[2]
        found.setdefault(location, set()).add(code)

    for location, codes in found.items():
        source.notes.append((location, _removed_message(sorted(codes))))


def _removed_message(codes: list[str]) -> str:
    return (
        f"removed characters a Word document cannot hold ({', '.join(codes)},"
        " pasted from Excel or Word); check the text reads as meant"
    )


def _read_text(path: Path) -> str:
    """Read the file as UTF-8 (with or without a BOM), refusing other encodings."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            message = (
                f"the file is {size:,} bytes, more than the {MAX_FILE_BYTES:,} a form"
                " file may have; split it into one file per form"
            )
            raise DataError([Problem(path, 1, 1, "", "", message)])

        raw = path.read_bytes()
    except OSError as error:
        message = f"cannot read the file: {error.strerror}"
        raise DataError([Problem(path, 1, 1, "", "", message)]) from None

    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            message = "the file starts as UTF-16 but is damaged; save it as UTF-8"
            raise DataError([Problem(path, 1, 1, "", "", message)]) from None

    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise DataError([Problem(path, line, 1, "", "", _encoding_hint(raw))]) from None


def _encoding_hint(raw: bytes) -> str:
    """Say which encoding the bytes seem to be in and how to fix it."""
    try:
        raw.decode("gb18030")
    except UnicodeDecodeError:
        guess = "an encoding that is not UTF-8"
    else:
        guess = "GBK/GB18030 (the old default of Notepad on Chinese Windows)"

    return (
        f"the file is not UTF-8; it looks like {guess}. Save it as UTF-8 (in"
        " Notepad: File > Save As > Encoding: UTF-8) and run again"
    )


def _syntax_problem(path: Path, error: yaml.MarkedYAMLError) -> Problem:
    """Turn a PyYAML error into a problem with its line and column."""
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else 1
    column = mark.column + 1 if mark else 1
    problem = error.problem or "is not valid YAML"

    if "'\\t'" in problem or "\\t" in problem:
        message = "a tab stands where YAML needs spaces; indent with spaces only"
    else:
        message = f"YAML syntax error: {problem}"
        if error.context and error.context_mark:
            started = error.context_mark.line + 1
            message += f" {error.context} that starts on line {started}"

    return Problem(path, line, column, "", "", message)


class _Walker:
    """Turn composed YAML nodes into plain data, recording marks as it goes."""

    def __init__(self, source: Source) -> None:
        self.source = source
        self.problems: list[Problem] = []
        self.visited = 0
        self.stopped = False

    def value(self, node: yaml.Node, location: Location) -> Any:
        if self.stopped:
            return None

        self.visited += 1
        limit = None
        if len(location) > MAX_DEPTH:
            limit = f"is nested more than {MAX_DEPTH} levels deep"
        elif self.visited > MAX_NODES:
            limit = f"grows past {MAX_NODES:,} values"
        if limit is not None:
            self.stopped = True
            message = (
                f"the data {limit}, most likely through aliases (*name) that repeat"
                " or contain each other; write the values out"
            )
            self.problems.append(self._problem(node, (), message))
            return None

        self.source.value_marks[location] = _mark(node)

        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, location)

        if isinstance(node, yaml.SequenceNode):
            return [
                self.value(item, (*location, i)) for i, item in enumerate(node.value)
            ]

        if node.tag == _NULL_TAG:
            return None

        return self._text(str(node.value), location)

    def _text(self, text: str, location: Location) -> str:
        """Remove characters a Word document cannot hold, with a warning."""
        found = forbidden_characters(text)
        if not found:
            return text

        message = _removed_message(found)
        self.source.notes.append((location, message))
        return FORBIDDEN_IN_XML.sub("", text)

    def _mapping(self, node: yaml.MappingNode, location: Location) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == _NULL_TAG:
                message = "a key must be a plain name such as `filer`"
                self.problems.append(self._problem(key_node, location, message))
                continue

            key = str(key_node.value)
            if key == "<<":
                message = "merge keys (<<) are not supported; write the keys out"
                self.problems.append(self._problem(key_node, location, message))
                continue

            child = (*location, key)
            if key in result:
                first = self.source.key_marks[child]
                message = (
                    f"this key is given twice (first on line {first.line}); keep one"
                )
                self.problems.append(self._problem(key_node, child, message))
                continue

            self.source.key_marks[child] = _mark(key_node)
            result[key] = self.value(value_node, child)

        return result

    def _problem(self, node: yaml.Node, location: Location, message: str) -> Problem:
        mark = _mark(node)
        return Problem(
            self.source.path,
            mark.line,
            mark.column,
            format_location(location),
            "",
            message,
        )


def _mark(node: yaml.Node) -> Mark:
    return Mark(node.start_mark.line + 1, node.start_mark.column + 1)


def as_mapping(source: Source, what: str) -> Mapping[str, Any]:
    """Return the file's data as a mapping, or raise a problem that says what it is.

    Raises:
        DataError: the file is empty, or holds a list or a single value.
    """
    data = source.data
    if isinstance(data, dict):
        return data

    if data is None:
        message = f"the file is empty; write the keys of {what} in it"
    else:
        kind = "a list" if isinstance(data, list) else "a single value"
        message = (
            f"the file holds {kind}, but {what} is a mapping of keys (`key: value`)"
        )
    raise DataError([Problem(source.path, 1, 1, "", "", message)])
