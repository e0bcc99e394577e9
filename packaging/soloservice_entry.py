"""The bundle's one executable: PyInstaller needs a script, the package has only an entry point.

``soloservice`` without arguments opens the window, with a command it is the scripting CLI,
exactly as the ``soloservice`` console script of a pip/pipx install.
"""

import multiprocessing

from soloservice.cli.process_exit import run

if __name__ == "__main__":
    multiprocessing.freeze_support()  # harmless on Linux; needed if a worker ever forks on Windows
    run()
