"""channels/phone layer."""
