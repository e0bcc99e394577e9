"""The system tray and desktop notifications: overdue count, due-soon alerts, reminders."""
