"""A stored portfolio from every released schema version opens, migrated, with its data
(TagStudio's idea: tests/fixtures/schema/<revision>.sqlite, one per release)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from btdesk.services.portfolio import DB_NAME, Portfolio
from btdesk.store import schema

FIXTURES = sorted((Path(__file__).parent / "fixtures" / "schema").glob("*.sqlite"))


def test_revisions_list_matches_alembic_history():
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(schema.MIGRATIONS_DIR))
    script = ScriptDirectory.from_config(cfg)
    history = [r.revision for r in reversed(list(script.walk_revisions()))]
    assert tuple(history) == schema.REVISIONS
    assert script.get_current_head() == schema.HEAD


def test_there_is_a_fixture_for_every_released_revision():
    assert {f.stem for f in FIXTURES} == set(schema.REVISIONS)


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda f: f.stem)
def test_old_portfolio_is_backed_up_migrated_and_keeps_its_data(fixture, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    shutil.copy(fixture, home / DB_NAME)
    with Portfolio.open(home) as p:
        assert schema.current_revision(p.engine) == schema.HEAD
        acts = p.records("activity")
        assert [a.body["title"] for a in acts] == ["ALS-kurs"]
        assert len(p.history(acts[0].id)) == 2
        assert p.profile.name == "Fixture Doktor"
        if fixture.stem != schema.HEAD:
            assert p.migration_backup and Path(p.migration_backup).exists()
            assert Path(p.migration_backup).read_bytes()[:16] == b"SQLite format 3\x00"
        else:
            assert p.migration_backup is None
