"""The compiled schema checks (btdesk/bundle/fastschema.py) never disagree with jsonschema: for
any instance their answer is jsonschema's, or None (unsure, so jsonschema is asked). And they
are sure about the records btdesk writes, else they would save nothing."""
from __future__ import annotations

import copy
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from btdesk.bundle.fastschema import compile_schema
from btdesk.bundle.format import validator

SCHEMAS = sorted(p.name for p in (Path(__file__).resolve().parents[1] / "resources" / "schema").glob("*.json")
                 if p.name.startswith(("record", "manifest")))
SHA = "ab" * 32
T = "2027-03-01T12:00:00Z"
RID = "0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9"
SAMPLES = {
    "record.schema.json": {"record": {"id": RID, "kind": "activity", "version": 1, "prev": None, "author": SHA,
                                      "author_name": "Amira Haddad", "created": T, "updated": T, "deleted": False,
                                      "body": {}}, "hash": SHA, "signature": "MIIBkQYJKoZIhvcNAQcCoIIBgjCCAX4CAQEx=="},
    "record-assessment.schema.json": {"template": "mini_cex", "template_version": 1, "instrument": "mini_cex",
                                      "doctor": "Amira", "doctor_fingerprint": SHA, "request": None, "placement": RID,
                                      "date": "2027-03-01", "delmal": ["BT1", "BT9"], "ratings": {"a": 4},
                                      "not_observed": ["b"], "text": {"went_well": "x"}, "durations": {"obs": 10},
                                      "entrustment": None, "case": "Bröstsmärta"},
    "record-talk.schema.json": {"type": "supervision", "date": "2027-03-01", "placement": None, "participants": ["X"],
                                "topics": ["Y"], "notes": "", "agreed_actions": [], "delmal": ["BT1"]},
    "manifest.schema.json": {"format": "btbundle", "format_version": 1,
                             "sender": {"name": "Amira", "fingerprint": SHA, "role": "doctor"},
                             "recipients": [{"name": "Unit", "fingerprint": SHA}], "created": T, "sequence": 1,
                             "previous": None, "records": [{"id": RID, "version": 1, "hash": SHA}],
                             "attachments": [{"sha256": SHA, "size": 3}], "counts": {"records": 1, "attachments": 1}},
}

scalar = st.one_of(st.none(), st.booleans(), st.integers(-3, 3), st.sampled_from([0.0, 1.0, 2.5, -1.0, 1e400]),
                   st.text(max_size=6), st.sampled_from(["BT1", "BT99", "bt1", SHA, SHA + "\n", SHA.upper(), RID, T,
                                                         T + "\n", "2027-03-01", "btbundle", "doctor", "", "handover",
                                                         "mini_cex", "Mini_cex", "x" * 201]))
json_value = st.recursive(scalar, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                          st.dictionaries(st.text(max_size=4), inner, max_size=3)),
                          max_leaves=8)


def _paths(value, here=()):
    yield here
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _paths(v, (*here, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _paths(v, (*here, i))


@st.composite
def mutated(draw, sample):
    """The sample with a few values replaced, keys dropped or added, items appended."""
    value = copy.deepcopy(sample)
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(list(_paths(value))))
        if not path:
            continue
        parent = value
        for step in path[:-1]:
            parent = parent[step]
        action = draw(st.sampled_from(["replace", "drop", "add", "append"]))
        if action == "replace":
            parent[path[-1]] = draw(json_value)
        elif action == "drop" and isinstance(parent, dict):
            parent.pop(path[-1])
        elif action == "add" and isinstance(parent, dict):
            parent[draw(st.sampled_from(["extra", "template", "date", "type", "ratings"]))] = draw(json_value)
        elif action == "append" and isinstance(parent[path[-1]], list):
            parent[path[-1]].append(draw(json_value))
    return value


@pytest.mark.parametrize("name", SCHEMAS)
def test_every_record_schema_and_the_manifest_compile(name):
    assert compile_schema(validator(name).schema) is not None, f"{name} uses a keyword fastschema lacks"


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_the_records_btdesk_writes_are_checked_fast(name):
    assert validator(name).is_valid(SAMPLES[name])
    assert compile_schema(validator(name).schema)(SAMPLES[name]) is True


@pytest.mark.parametrize("name", sorted(SAMPLES))
@settings(max_examples=700, deadline=None)
@given(data=st.data())
def test_never_disagrees_with_jsonschema(name, data):
    instance = data.draw(st.one_of(mutated(SAMPLES[name]), json_value))
    answer = compile_schema(validator(name).schema)(instance)
    assert answer in (None, validator(name).is_valid(instance))


def _with(path, value):
    line = copy.deepcopy(SAMPLES["record.schema.json"])
    parent = line
    for step in path[:-1]:
        parent = parent[step]
    parent[path[-1]] = value
    return line


@pytest.mark.parametrize("line", [
    _with(("record", "created"), T + "\n"),  # `$` matches before a final newline: the "not" refuses it
    _with(("record", "kind"), "activity\n"),
    _with(("signature",), "MIIBkQYJKoZIhvcNAQcCoIIBgjCCAX4CAQEx==\n"),
    _with(("record", "version"), 1000000001),
    _with(("record", "version"), 0),
    _with(("record", "version"), True),
    _with(("record", "id"), RID + "0"),
    _with(("record", "author_name"), ""),
    _with(("record", "prev"), SHA.upper()),
    _with(("record", "extra"), 1),
    _with(("signature",), "short"),
])
def test_hostile_strings_and_numbers_are_never_passed(line):
    """Edge cases the random mutations rarely reach, each against one keyword of the line schema."""
    assert not validator("record.schema.json").is_valid(line)
    assert compile_schema(validator("record.schema.json").schema)(line) is not True


@pytest.mark.parametrize("name", sorted(p.name for p in (Path(__file__).resolve().parents[1] / "resources"
                                                            / "schema").glob("*.json")))
def test_every_shipped_schema_is_a_valid_draft_2020_12_schema(name):
    """The readers' compiled checks are made from the files without jsonschema's own check of the
    schema (btdesk.bundle.format._quick), so the files are checked here."""
    import json

    import jsonschema

    schema = json.loads((Path(__file__).resolve().parents[1] / "resources" / "schema" / name).read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)


def test_the_list_of_shipped_schemas_is_the_files_digests():
    """btdesk.bundle.shipped_schemas names exactly the files in resources/schema (change a schema,
    and put its new SHA-256 there: the test above checks it against draft 2020-12)."""
    import hashlib

    from btdesk.bundle.shipped_schemas import SHIPPED

    files = (Path(__file__).resolve().parents[1] / "resources" / "schema").glob("*.json")
    assert SHIPPED == {hashlib.sha256(p.read_bytes()).hexdigest() for p in files}
