"""``python -m soloservice``: the same as the ``soloservice`` command."""

from soloservice.cli import main

if __name__ == "__main__":  # a parse worker (spawn) imports this module without running it
    raise SystemExit(main())
