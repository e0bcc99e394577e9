"""``python -m soloservice``: the same as the ``soloservice`` command."""

from soloservice.cli import main

raise SystemExit(main())
