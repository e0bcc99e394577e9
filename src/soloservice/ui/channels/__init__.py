"""Dialogs for the channels beyond mail and phone: web form rules and CSV imports, social
exports and accounts, replies on social platforms, quick capture, and merging customers.

The features in ``ui/features`` (forms, social, capture, customers) put them in the window.
"""
