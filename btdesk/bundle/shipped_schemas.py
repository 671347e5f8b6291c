"""The SHA-256 of each schema file this version of btdesk ships in resources/schema/.

The tests check these files against JSON Schema draft 2020-12 (tests/test_bundle_fastschema.py),
so a bundle reader compiles its fast checks from them without loading jsonschema to check them
again (btdesk.bundle.format._quick). Any other file, one changed or added after installing,
is checked by jsonschema first. A test keeps this list equal to the files.
"""
from __future__ import annotations

SHIPPED = frozenset({
    "7550430db7668819310fbe441598202694548fc82dccec504621f9e8995404fa",  # form-template.schema.json
    "85f638ba6225974dedb16166811604486e3f7dcad6505a2a0220fe5c8a539db9",  # manifest.schema.json
    "499cac47b06db48ed3328368971208feb4d6763b36177c02ae1c44c18ed41a77",  # programme.schema.json
    "a79af7d0f143fc183a75e294be4fc717b80250380e7c19bb9af909319c8e8f99",  # record-assessment.schema.json
    "dffa7e6bee6ecdbebc0a6f3f7f1470df84a03593b49ca429e3be66bad2ddf847",  # record-leave.schema.json
    "c1873568a8a5cf1d8b234824e9b0f5caf1a9dc603ea32adeaf0cd677480c6216",  # record-signoff.schema.json
    "35f7f6beaf2db820619f2c75849ef580588e45e2b964639f8dceeca69f18fa9c",  # record-talk.schema.json
    "d4e9560c6c9ded7c6b9b04733dcfffd9175cc1fcf5f53a914e2897fa0bddec87",  # record.schema.json
})
