"""The main inbox's pieces: what the main window is built from.

``model`` pages the inbox's rows from the database and ``table`` shows them (with the
search ``search``'s snippets beside a match); ``sidebar_model``/``sidebar_view`` are the
views and their counts on the left; ``pane`` is the right-hand column around answering,
with the ``conversation`` and the ``customer_card``. ``ui/main_window.py`` puts them together.
"""
