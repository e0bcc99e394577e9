"""The settings dialog: business, hours and holidays, promises, follow-ups, weekly review."""
