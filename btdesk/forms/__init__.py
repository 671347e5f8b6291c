"""Assessment forms as data (Qt-free): templates, validation of filled values, drafts."""
from .labels import domain_label, domain_labels
from .template import (
    FIELD_TYPES,
    Category,
    Field,
    Template,
    TemplateError,
    check_against,
    forms_dir,
    list_templates,
    load_template,
    load_template_file,
    parse_template,
)
from .values import NOT_OBSERVED, from_body, rater_problem, scale_for, to_body, validate

__all__ = [
    "FIELD_TYPES", "NOT_OBSERVED", "Category", "Field", "Template", "TemplateError", "check_against",
    "domain_label", "domain_labels",
    "forms_dir", "from_body", "list_templates", "load_template", "load_template_file", "parse_template",
    "rater_problem", "scale_for", "to_body", "validate",
]
