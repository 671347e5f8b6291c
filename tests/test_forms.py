"""Forms as data: every shipped template loads against both programmes; broken templates say
why in one sentence; a new instrument needs only a new template file."""
from __future__ import annotations

import pytest

from btdesk.forms import (
    NOT_OBSERVED,
    TemplateError,
    list_templates,
    load_template,
    load_template_file,
    validate,
)
from btdesk.programme import load_programme

pytestmark = pytest.mark.usefixtures("english")  # it checks the core's English sentences

SHIPPED = {"mini_cex", "dops", "cbd", "medsittning", "msf_360", "placement_summary", "talk_signoff"}


@pytest.mark.parametrize("pid", ["stockholm", "skane"])
def test_shipped_templates_load(pid):
    prog = load_programme(pid)
    ts = {t.id: t for t in list_templates(prog)}
    assert SHIPPED <= set(ts)
    for t in ts.values():
        assert {"date"} <= {f.id for f in t.fields}
    assert any(f.type == "entrustment" for f in ts["mini_cex"].fields)
    assert {"went_well", "improve", "action"} <= {f.id for f in ts["cbd"].fields}


@pytest.mark.parametrize("text,needle", [
    ('id = "x"\ninstrument = "mini_cex"\ntitle = "X"\n', "fields is missing"),
    ('id = "x"\ninstrument = "mini_cex"\ntitle = "X"\n[[fields]]\nid = "a"\ntype = "slider"\nlabel = "A"\n',
     'fields[0].type must be one of "rating", "checkbox"'),
    (('id = "x"\ninstrument = "mini_cex"\ntitle = "X"\n[[fields]]\nid = "a"\ntype = "text"\nlabel = "A"\n'
      '[[fields]]\nid = "a"\ntype = "text"\nlabel = "B"\n'), "appears twice"),
    ('id = "x"\ninstrument = "nope"\ntitle = "X"\n[[fields]]\nid = "a"\ntype = "rating"\nlabel = "A"\n', "lacks"),
    ('id = "x"\ninstrument = "mini_cex"\ntitle = "X"\n[[fields]]\nid = "a"\ntype = "setting"\nlabel = "A"\n',
     'needs "options"'),
    ('id = "x"\ninstrument = ', "not valid TOML"),
])
def test_broken_template_one_sentence(tmp_path, text, needle):
    f = tmp_path / "x.toml"
    f.write_text(text, "utf-8")
    with pytest.raises(TemplateError) as e:
        load_template_file(f, load_programme("stockholm"))
    msg = str(e.value)
    assert needle in msg and "x.toml" in msg and msg.count("\n") == 0


def test_validation_required_ranges_and_rater_mix():
    prog = load_programme("stockholm")
    t = load_template("msf_360", prog)
    errors = validate(t, {"raters": {"senior_doctor": 1, "nurse": 12}, "clinical": 99}, prog)
    assert "specialistläkare" in errors["raters"]
    assert "nivå" in errors["clinical"]
    assert "went_well" in errors and "delmal" in errors
    errors = validate(t, {"raters": {"senior_doctor": 2, "nurse": 3}}, prog)
    assert "minst 10" in errors["raters"]
    t = load_template("mini_cex", prog)
    assert "examination" not in validate(t, {"examination": NOT_OBSERVED}, prog)


_HEAD = 'id = "x"\ninstrument = "mini_cex"\ntitle = "X"\n'


@pytest.mark.parametrize("text,needle", [
    (_HEAD + '[[fields]]\nid = "a"\ntype = "text"\nlable = "A"\n', 'fields[0].lable is not a known key (did you mean '
                                                                   '"label"?)'),
    (_HEAD + '[[fields]]\nid = "A b"\ntype = "text"\nlabel = "A"\n', "fields[0].id must be an id of lowercase letters"),
    (_HEAD + '[[fields]]\nid = "a"\ntype = "duration"\nlabel = "A"\nmin = 9\nmax = 3\n', "has min 9 above max 3"),
    (_HEAD + '[[fields]]\nid = "doctor"\ntype = "line"\nlabel = "A"\n', 'uses the reserved id "doctor"'),
    (_HEAD + 'record_kind = "talk"\n[[fields]]\nid = "a"\ntype = "rating"\nlabel = "A"\n', "which a talk cannot hold"),
    (_HEAD + '[[fields]]\nid = "r"\ntype = "rater_mix"\nlabel = "A"\n', 'a rater_mix field needs "categories"'),
    (_HEAD + 'version = 0\n[[fields]]\nid = "a"\ntype = "text"\nlabel = "A"\n', "version must be at least 1, not 0"),
])
def test_schema_and_semantic_errors_are_one_sentence(tmp_path, text, needle):
    f = tmp_path / "x.toml"
    f.write_text(text, "utf-8")
    with pytest.raises(TemplateError) as e:
        load_template_file(f)
    msg = str(e.value)
    assert msg.startswith("x.toml: ") and needle in msg and msg.count("\n") == 0 and msg.endswith(".")


def test_the_schema_names_the_field_types_the_code_knows():
    import json

    from btdesk.forms import FIELD_TYPES
    from btdesk.resources import resource_path

    schema = json.loads(resource_path("schema", "form-template.schema.json").read_text("utf-8"))
    assert tuple(schema["$defs"]["field"]["properties"]["type"]["enum"]) == FIELD_TYPES
