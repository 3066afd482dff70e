"""Typed models of the report format, for API users and for building documents.

They accept exactly the data that schemas/report.schema.json accepts (tests/test_schema.py
holds them to it): unknown keys and explicit nulls are errors, nothing is coerced (no "2023"
for 2023), and dates are ISO ``YYYY-MM-DD`` strings that must exist. In Python, dates may
also be given as ``datetime.date``. ``Report.to_data()`` gives plain data for YAML.

`reportlint check` does not import this module: pydantic costs ~80 ms at start-up.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator
from pydantic.json_schema import SkipJsonSchema

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _iso_date(value: object) -> object:
    if isinstance(value, str):
        if not _ISO_DATE.fullmatch(value):
            raise ValueError(f"{value!r} is not a date in the form YYYY-MM-DD")
        return dt.date.fromisoformat(value)  # ValueError for a day that does not exist
    if isinstance(value, dt.datetime):
        raise ValueError("expected a date, got a date and time")
    return value


def _integral(value: object) -> object:
    # JSON Schema counts 2023.0 as an integer; so do we.
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]
Text = Annotated[str, Field(min_length=1)]
Kind = Literal["government", "department"]
Level = Literal["province", "city", "county", "township"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    @model_validator(mode="before")
    @classmethod
    def _no_nulls(cls, data: Any) -> Any:
        # An optional key may be left out, but not written empty (`kind:` reads as null).
        if isinstance(data, dict):
            for key, value in data.items():
                if value is None:
                    raise ValueError(f"{key!r} must not be null; leave the key out instead")
        return data


class Block(_Model):
    """A section or a numbered part: its heading (without its number), text and parts."""

    heading: Text
    paragraphs: list[str] = Field(default_factory=list)
    subsections: list[Block] = Field(default_factory=list)


class Meta(_Model):
    """What the report is: title, issuer, year and dates."""

    title: Text
    issuer: Text
    kind: Kind | SkipJsonSchema[None] = None
    level: Level | SkipJsonSchema[None] = None
    year: Annotated[int, Field(ge=1949, le=2100), BeforeValidator(_integral)]
    signed_on: IsoDate
    published_on: IsoDate | SkipJsonSchema[None] = None
    publisher: Text | SkipJsonSchema[None] = None
    source: Text | SkipJsonSchema[None] = None
    index_no: Text | SkipJsonSchema[None] = None


class Sections(_Model):
    """The mandated sections, keyed by their role; a profile decides which are required."""

    measures: Block | SkipJsonSchema[None] = None
    leadership: Block | SkipJsonSchema[None] = None
    shortcomings: Block | SkipJsonSchema[None] = None
    plans: Block | SkipJsonSchema[None] = None
    suggestions: Block | SkipJsonSchema[None] = None
    other: Block | SkipJsonSchema[None] = None


class Report(_Model):
    """A report document, format version 1."""

    format: str = Field(pattern=r"^reportlint/[0-9]+$")
    report: Meta
    preamble: list[str] = Field(default_factory=list)
    sections: Sections
    closing: list[str] = Field(default_factory=list)

    def to_data(self) -> dict[str, Any]:
        """Plain data for a YAML file: ISO date strings, no empty optional keys."""
        return self.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
