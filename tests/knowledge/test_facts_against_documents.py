"""Figures checked by hand against the source documents (issue: at least 40).

Each row: indicator, period, kind, scope, the value as the document writes it, and
the document that says so.
"""

import pytest

from knowledge import KnowledgeBase

FACTS = [
    # 002, table "BẢNG SO SÁNH CÁC CHỈ TIÊU CỦA THÀNH PHỐ VỚI CẢ NƯỚC"
    ("grdp_growth", "2024", "target", "city", "11,5 - 12", "002"),
    ("grdp_growth", "2024", "estimate", "city", "11,01", "002"),
    ("grdp_growth", "2024", "estimate", "national", "6,8-7", "002"),  # the table writes it "6,8 - 7,0"
    ("grdp_growth", "2025", "target", "city", "12,5", "002"),
    ("grdp_growth", "2025", "target", "national", "6,5-7,0", "002"),
    ("grdp_growth_industry_construction", "2024", "estimate", "city", "13,69", "002"),
    ("grdp_growth_industry_construction", "2025", "target", "city", "15,67", "002"),
    ("grdp_growth_services", "2024", "estimate", "city", "8,66", "002"),
    ("grdp_growth_services", "2025", "target", "city", "9,2", "002"),
    ("grdp_growth_agriculture", "2024", "estimate", "city", "-3,4", "002"),
    ("grdp_growth_product_tax", "2024", "estimate", "city", "7,21", "002"),
    ("grdp_per_capita", "2024", "target", "city", "9.000", "002"),
    ("grdp_per_capita", "2024", "estimate", "city", "8.665", "002"),
    ("grdp_per_capita", "2024", "estimate", "national", "4.647", "002"),
    ("grdp_per_capita", "2025", "target", "city", "9.486", "002"),
    ("grdp_per_capita", "2025", "target", "national", "4.900", "002"),
    ("iip_growth", "2025", "target", "city", "17", "002"),
    ("manufacturing_share_grdp", "2024", "estimate", "city", "43,86", "002"),
    ("high_tech_share_manufacturing", "2025", "target", "city", "68", "002"),
    ("budget_revenue", "2024", "target", "city", "106.761,592", "002"),
    ("budget_revenue", "2024", "estimate", "city", "116.387,596", "002"),
    ("budget_revenue", "2025", "target", "city", "118.079,279", "002"),
    ("budget_revenue_domestic", "2024", "estimate", "city", "48.255,342", "002"),
    ("budget_revenue_import_export", "2024", "estimate", "city", "67.000", "002"),
    ("budget_revenue_import_export", "2025", "target", "city", "62.700", "002"),
    ("total_social_investment", "2025", "target", "city", "240.000", "002"),
    ("port_throughput", "2025", "target", "city", "212", "002"),
    ("export_turnover", "2024", "estimate", "city", "33,25", "002"),
    ("export_turnover", "2025", "target", "city", "37", "002"),
    ("tourist_arrivals", "2024", "estimate", "city", "9,15", "002"),
    ("tfp_contribution", "2024", "estimate", "city", "45,5", "002"),
    ("fdi_attraction", "2024", "estimate", "city", "4,7", "002"),
    ("fdi_attraction", "2025", "target", "city", "4,5", "002"),
    ("urban_unemployment_rate", "2025", "target", "city", "<3,5", "002"),
    ("jobs_created", "2024", "estimate", "city", "62.000", "002"),
    ("jobs_created", "2025", "target", "city", "58.500", "002"),
    ("trained_labour_rate", "2025", "target", "city", "88", "002"),
    ("health_insurance_coverage", "2024", "estimate", "city", "94,1", "002"),
    ("health_insurance_coverage", "2025", "target", "national", "95,15", "002"),
    ("poverty_rate_reduction", "2024", "estimate", "city", "0,32", "002"),
    ("solid_waste_rural_hygienic", "2025", "target", "city", "91,9", "002"),
    ("urban_wastewater_treated", "2025", "target", "city", "40,77", "002"),
    # 000: first quarter of 2025
    ("grdp_growth", "2025-Q1", "estimate", "city", "11,07", "000"),
    # 001: first half of 2025 and the goal of 12,35%
    ("grdp_growth", "2025", "target", "city", "từ 12,35", "001"),
    # 003: 2019-2023 and 2023
    ("grdp_growth", "2019-2023", "result", "city", "12,6", "003"),
    ("grdp_per_capita", "2023", "result", "city", "7.960", "003"),
    ("grdp_growth", "2024-9M", "result", "city", "9,77", "003"),
]


@pytest.mark.parametrize(("code", "period", "kind", "scope", "written", "source"), FACTS,
                         ids=[f"{f[0]}-{f[1]}-{f[2]}-{f[3]}" for f in FACTS])
def test_fact_is_stored_as_the_document_writes_it(
    kb: KnowledgeBase, code: str, period: str, kind: str, scope: str, written: str, source: str
) -> None:
    found = [(v.text, v.document.id) for v in kb.values(code, period, kind=kind, scope=scope, measure="level")]
    assert (written, source) in found, found


def test_at_least_forty_facts_are_checked() -> None:
    assert len(FACTS) >= 40
