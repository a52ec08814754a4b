"""Writes on change impact assessments (muutosvaikutusten arviointi, §8)."""

from __future__ import annotations

from django.db import transaction

from varanto.catalog.declarations import LENGTH_LIMITS, ValueType
from varanto.catalog.models import ImpactAssessment, Organization

from .common import Stamp, assign, record_create, record_update
from .values import text_cleaner

ASSESSMENT_FIELDS = {
    "title": text_cleaner(LENGTH_LIMITS[ValueType.TEXT]),
    **{
        name: text_cleaner(LENGTH_LIMITS[ValueType.LONG_TEXT])
        for name in (
            "description",
            "information_management",
            "information_security",
            "data_processing",
            "case_management",
        )
    },
}


@transaction.atomic
def impact_assessment_create(
    *,
    organization: Organization,
    subject_kind: str,
    subject_key: str,
    subject_name: str,
    affected: dict,
    data: dict,
    acting_user,
) -> ImpactAssessment:
    """Save an assessment of a planned change with the impact report (`affected`) it was made on."""
    assessment = ImpactAssessment(
        organization=organization,
        subject_kind=subject_kind,
        subject_key=subject_key,
        subject_name=subject_name,
        affected=affected,
        created_by=acting_user,
    )
    assign(assessment, data, ASSESSMENT_FIELDS)
    return record_create(assessment, Stamp(acting_user, "create"))


@transaction.atomic
def impact_assessment_update(
    *,
    assessment: ImpactAssessment,
    data: dict,
    expected_version: int | None,
    acting_user,
) -> ImpactAssessment:
    """Change the assessment texts (the impact report it was made on stays as saved)."""
    return record_update(
        ImpactAssessment,
        assessment,
        expected_version,
        acting_user,
        lambda current, stamp: assign(current, data, ASSESSMENT_FIELDS),
        ASSESSMENT_FIELDS,
    )
