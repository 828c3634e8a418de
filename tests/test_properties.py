"""Any valid form, with any printable text, renders to a document that reads back."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
from docxread import text_in_order
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel
from pypdf import PdfReader
from test_pdf import needs_soffice

from riskdocs import Renderer
from riskdocs.filing import Filing
from riskdocs.models import (
    CATEGORIES,
    Campaign,
    Clue,
    CluesForm,
    DepartmentForm,
    IndividualForm,
    LedgerForm,
)
from riskdocs.pdf import convert_to_pdf

DOCXTPL_ESCAPES = re.compile(r"\{_[{%]|[}%]_\}")
"""docxtpl turns these into {{ {% }} %} after rendering; see the README's limits."""

printable = st.characters(exclude_categories=("Cc", "Cs", "Cn", "Zl", "Zp"))
texts = st.text(printable, min_size=1, max_size=30).filter(
    lambda text: text.strip() != "" and not DOCXTPL_ESCAPES.search(text)
)
paragraphs = st.lists(texts, min_size=1, max_size=3)


def category_rows(
    **columns: st.SearchStrategy[object],
) -> st.SearchStrategy[list[dict[str, object]]]:
    """Rows of 附件一 or 附件二: each 风险类别 at most once, in any order."""
    row = st.fixed_dictionaries({"category": st.sampled_from(CATEGORIES), **columns})
    return st.lists(row, max_size=5, unique_by=lambda risk: risk["category"])


individual_forms = st.builds(
    IndividualForm,
    form=st.just("individual"),
    filer=texts,
    risks=category_rows(name=paragraphs, details=paragraphs, level=st.integers(1, 4)),
)
department_forms = st.builds(
    DepartmentForm,
    form=st.just("department"),
    unit=texts,
    duties=paragraphs,
    risks=category_rows(points=paragraphs, details=paragraphs),
)
clues_forms = st.builds(
    CluesForm,
    form=st.just("clues"),
    unit=texts,
    clues=st.lists(
        st.builds(Clue, type=paragraphs, summary=paragraphs, outcome=paragraphs),
        max_size=3,
    ),
)
ledger_forms = st.builds(
    LedgerForm,
    form=st.just("ledger"),
    unit=texts,
    entries=st.lists(
        st.fixed_dictionaries(
            {
                "risk": paragraphs,
                "measures": paragraphs,
                "owner": st.fixed_dictionaries({"person": paragraphs}),
            }
        ),
        max_size=4,
    ),
)
forms = st.one_of(individual_forms, department_forms, clues_forms, ledger_forms)

RENDERER = Renderer()
CAMPAIGN = Campaign.model_validate({"filed_on": "2020-04-14"})


def values_of(form: object) -> list[str]:
    """Return every text the user typed, wherever it stands in the model."""
    if isinstance(form, str):
        return [form]

    if isinstance(form, list):
        return [text for item in form for text in values_of(item)]

    if isinstance(form, BaseModel):
        found = []
        for name in type(form).model_fields:
            if name not in ("form", "category"):
                found += values_of(getattr(form, name))
        return found

    return []


@pytest.fixture(scope="module")
def saved(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder keeping the generated documents for LibreOffice."""
    return tmp_path_factory.mktemp("generated-documents")


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(form=forms)
def test_any_valid_form_renders_and_reads_back(form: object, saved: Path) -> None:
    filing = Filing(path=Path("generated.yaml"), form=form, campaign=CAMPAIGN)  # type: ignore[arg-type]
    target = saved / f"{len(list(saved.iterdir())):03d}.docx"

    target.write_bytes(RENDERER.render(filing))

    docx.Document(str(target))
    text = text_in_order(target)
    for value in values_of(form):
        assert value in text


@needs_soffice
def test_libreoffice_opens_the_generated_documents(saved: Path) -> None:
    documents = sorted(saved.glob("*.docx"))[:20]

    pdfs = convert_to_pdf(documents)

    assert len(pdfs) == len(documents) > 0
    assert all(len(PdfReader(pdf).pages) >= 1 for pdf in pdfs)
