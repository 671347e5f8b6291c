"""The BT unit's window parts: the cohort overview and its drill-down."""
