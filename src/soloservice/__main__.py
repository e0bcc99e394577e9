"""``python -m soloservice``: the same as the ``soloservice`` command."""

from soloservice.cli.process_exit import run

if __name__ == "__main__":  # a parse worker (spawn) imports this module without running it
    run()
