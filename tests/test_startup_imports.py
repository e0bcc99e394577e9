"""What a CLI start imports (issue 14): ``--help`` and building the parser must not pay for
SQLAlchemy, SQLModel, Alembic or Qt, and an ordinary start of a migrated store not for
Alembic. Checked in a fresh interpreter, since this one has imported everything already.
No timings here: benchmarks/run.py measures them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from soloservice.cli import feedback_cmds, inbox_cmds
from soloservice.services import demo, survey_dto
from soloservice.services.registry import Services
from soloservice.storage import migrate

HEAVY = ("sqlalchemy", "sqlmodel", "alembic", "PySide6", "pydantic", "holidays")


def _heavy_after(code: str, *args: str) -> list[str]:
    probe = (
        "import json, sys\n"
        f"{code}\n"
        f"heavy = {{m.split('.')[0] for m in sys.modules if m.startswith({HEAVY!r})}}\n"
        "print(json.dumps(sorted(heavy)))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, *args], capture_output=True, text=True, check=True
    )
    return list(json.loads(done.stdout.strip().splitlines()[-1]))


def test_building_the_parser_imports_no_orm_nor_qt() -> None:
    code = "from soloservice.cli.main import build_parser\nbuild_parser()"
    assert _heavy_after(code) == []


def test_help_imports_no_orm_nor_qt() -> None:
    code = (
        "from soloservice.cli.main import main\n"
        "import contextlib, io\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try:\n"
        "        main(['--help'])\n"
        "    except SystemExit:\n"
        "        pass"
    )
    assert _heavy_after(code) == []


def test_subcommand_help_imports_no_orm(tmp_path: Path) -> None:
    code = (
        "from soloservice.cli.main import main\n"
        "import contextlib, io\n"
        "for argv in (['inbox', '--help'], ['import', '--help'], ['followups', '--help']):\n"
        "    with contextlib.redirect_stdout(io.StringIO()):\n"
        "        try:\n"
        "            main(argv)\n"
        "        except SystemExit:\n"
        "            pass"
    )
    assert _heavy_after(code) == []


def test_opening_a_migrated_store_does_not_import_alembic(tmp_path: Path) -> None:
    Services.open(tmp_path).close()  # creates and migrates the store
    code = (
        "from pathlib import Path\n"
        "from soloservice.services.registry import Services\n"
        "services = Services.open(Path(sys.argv[1]))\n"
        "services.inbox.counts()\n"
        "services.close()"
    )
    heavy = _heavy_after(code, str(tmp_path))
    assert "alembic" not in heavy
    assert "PySide6" not in heavy


def test_the_head_read_from_the_files_is_alembics() -> None:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(migrate.alembic_config())
    assert migrate.head_revision() == script.get_current_head()
    assert migrate.known_revisions() == {r.revision for r in script.walk_revisions()}


def test_constants_spelled_out_for_the_parser_agree_with_the_services() -> None:
    assert inbox_cmds.DEMO_SEED == demo.DEFAULT_SEED
    assert feedback_cmds.STATUS_NAMES == survey_dto.STATUSES


def test_services_are_built_lazily_and_once(tmp_path: Path) -> None:
    services = Services.open(tmp_path)
    try:
        assert "inbox" not in vars(services)
        assert services.inbox is services.inbox
        assert services.outbox.accounts is services.mail_accounts  # shared, as before
    finally:
        services.close()
