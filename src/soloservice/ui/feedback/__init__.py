"""Satisfaction follow-ups, the NPS pulse and remedies: the windows, tabs and card section
that put the closed loop in front of the founder."""
