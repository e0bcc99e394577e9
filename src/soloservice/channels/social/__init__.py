"""channels/social layer."""
