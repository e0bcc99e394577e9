"""channels/email layer."""
