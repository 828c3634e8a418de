"""The rendered samples print the text of the 2020 reference forms, in order."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import REFERENCE, SAMPLE_STEMS
from docxread import reference_text, squeeze, text_in_order


@pytest.mark.parametrize("stem", SAMPLE_STEMS)
def test_sample_prints_the_reference_text(rendered: Path, stem: str) -> None:
    expected = squeeze(reference_text(REFERENCE / f"{stem}.txt"))

    actual = squeeze(text_in_order(rendered / f"{stem}.docx"))

    assert actual == expected


def test_reference_dates_are_printed_with_ri(rendered: Path) -> None:
    text = text_in_order(rendered / "附件一-冯玉岗.docx")

    assert "2020年4月14日" in text
    assert "号" not in text
