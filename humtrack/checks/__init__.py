"""Figure checks: provenance, dates, consistency, plausibility, each rule with a stable code.

See :func:`humtrack.check`, the rules in ``humtrack/data/rules.toml`` and
``humtrack rules`` on the command line.
"""

from humtrack.checks.findings import FINDING_COLUMNS, Findings
from humtrack.checks.rules import RULES, Rule, rules, select_rules
from humtrack.checks.run import check

__all__ = ["FINDING_COLUMNS", "RULES", "Findings", "Rule", "check", "rules", "select_rules"]
