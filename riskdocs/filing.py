"""Load a form file together with the campaign.yaml that governs it."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from riskdocs.checks import overflow_warnings
from riskdocs.errors import DataError, Problem
from riskdocs.loading import Source, read_yaml
from riskdocs.models import Campaign, Form, FormKind
from riskdocs.validation import (
    form_model,
    reading_warnings,
    validate_campaign,
    validate_form,
)

CAMPAIGN_FILE = "campaign.yaml"


@dataclass(frozen=True)
class Filing:
    """One form as filed: its data, its campaign, and the files they came from."""

    path: Path
    form: Form
    campaign: Campaign
    campaign_path: Path | None = None
    warnings: tuple[Problem, ...] = ()
    """What is valid but worth a look: characters removed, text too long."""
    source: Source | None = field(default=None, compare=False, repr=False)
    """The YAML the form came from, to report later checks at their place."""

    @property
    def kind(self) -> FormKind:
        """Return which of the four forms this is."""
        return self.form.form

    @property
    def filed_on(self) -> date:
        """Return 填报时间: the form's own date, else the campaign's."""
        filed_on = self.form.filed_on or self.campaign.filed_on
        if filed_on is None:
            raise AssertionError("load_filing checks that a date is known")

        return filed_on


@dataclass
class CampaignCache:
    """Remember each folder's campaign, so a batch reads each campaign.yaml once."""

    found: dict[Path, tuple[Campaign, Path | None]] = field(default_factory=dict)
    refused: dict[Path, DataError] = field(default_factory=dict)

    def campaign_for(self, form_path: Path) -> tuple[Campaign, Path | None]:
        """Return the campaign of the form file's folder or its nearest parent.

        Raises:
            DataError: the campaign.yaml found is not valid.
        """
        folder = form_path.resolve().parent
        if folder in self.found:
            return self.found[folder]

        if folder in self.refused:
            raise self.refused[folder]

        candidate = folder / CAMPAIGN_FILE
        if candidate.is_file():
            try:
                campaign = validate_campaign(read_yaml(candidate))
            except DataError as error:
                self.refused[folder] = error
                raise
            result: tuple[Campaign, Path | None] = (campaign, candidate)
        elif folder.parent == folder:
            result = (Campaign(), None)
        else:
            result = self.campaign_for(folder)

        self.found[folder] = result
        return result


def load_campaign(path: Path | str) -> Campaign:
    """Load a campaign.yaml file.

    Raises:
        DataError: the file is not valid.
    """
    return validate_campaign(read_yaml(Path(path)))


def load_filing(path: Path | str, cache: CampaignCache | None = None) -> Filing:
    """Load a form file and the campaign.yaml in its folder or the nearest parent.

    Raises:
        DataError: the form or its campaign is not valid, or neither gives
            填报时间 (filed_on).
    """
    path = Path(path)
    source = read_yaml(path)
    model = form_model(source)
    noted = reading_warnings(source, model) if model else []
    try:
        form = validate_form(source)
    except DataError as error:
        problems = sorted([*error.problems, *noted], key=_place)
        raise DataError(problems) from None

    campaign, campaign_path = (cache or CampaignCache()).campaign_for(path)

    if form.filed_on is None and campaign.filed_on is None:
        if campaign_path is None:
            reason = f"no {CAMPAIGN_FILE} above the form gives one"
        else:
            reason = f"{_shown(campaign_path)} sets none"
        message = (
            f"is missing, and {reason}; add `filed_on: 2020-04-14` (the real"
            " date) to the form or to the campaign"
        )
        raise DataError([source.problem(("filed_on",), message, label="填报时间")])

    warnings = (*noted, *overflow_warnings(form, source))
    return Filing(path, form, campaign, campaign_path, warnings, source)


def _shown(path: Path) -> str:
    """Write a path relative to the working folder when it lies below it."""
    relative = os.path.relpath(path)
    return path.as_posix() if relative.startswith("..") else relative


def _place(problem: Problem) -> tuple[int, int]:
    return (problem.line, problem.column)
