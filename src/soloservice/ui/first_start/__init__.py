"""A new founder's first minutes: the first-start assistant and the empty inbox's checklist.

``assistant.FirstStartAssistant`` is the short, skippable QWizard shown once per data dir;
its pages live in small modules (``*_page.py``). ``checklist.StartChecklist`` is what the
empty inbox shows instead of "Inbox zero" while the store holds no inquiry at all.
"""
