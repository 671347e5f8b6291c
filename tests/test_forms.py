"""Forms as data: every shipped template loads against both programmes; broken templates say
why in one sentence; a new instrument needs only a new template file."""
from __future__ import annotations

import pytest

from btdesk.forms import TemplateError, list_templates, load_template, load_template_file, validate, NOT_OBSERVED
from btdesk.programme import load_programme

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
    ('id = "x"\ninstrument = "mini_cex"\ntitle = "X"\n', "at least one [[fields]]"),
    ('id = "x"\ninstrument = "mini_cex"\ntitle = "X"\n[[fields]]\nid = "a"\ntype = "slider"\nlabel = "A"\n',
     'unknown type "slider"'),
    ('id = "x"\ninstrument = "mini_cex"\ntitle = "X"\n[[fields]]\nid = "a"\ntype = "text"\nlabel = "A"\n'
     '[[fields]]\nid = "a"\ntype = "text"\nlabel = "B"\n', "appears twice"),
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
